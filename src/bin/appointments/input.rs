//! Input text files as the command reads them: UTF-8, or GB18030 and
//! UTF-16 with a byte-order mark decoded, or refused with the file, line
//! and byte where the text stops being UTF-8 and the encoding it looks
//! like.
//!
//! Decoding is strict everywhere: a byte that does not decode is an error,
//! never a replacement character, so no name is ever read garbled.

use std::path::Path;

use appointment_ledger::Error;
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// A text file's contents, and the encoding they were decoded from when
/// that was not UTF-8.
pub struct Text {
    /// The text.
    pub text: String,
    /// `GB18030`, `UTF-16LE` or `UTF-16BE`; `None` for UTF-8.
    pub decoded_from: Option<&'static str>,
}

/// Reads the text file at `path`. A directory or a device (`/dev/zero`
/// would be read until memory ran out) is [`Error::NotAFile`], a file that
/// cannot be read [`Error::Unreadable`], text that does not decode
/// [`Error::NotUtf8`]. A FIFO (`<(…)` in a shell) is read as text: it is
/// how a pipe is named.
pub fn read_text(path: &Path) -> Result<Text, Error> {
    let name = path.display().to_string();
    let unreadable = |e: std::io::Error| Error::Unreadable {
        path: name.clone(),
        kind: e.kind(),
        message: e.to_string(),
    };
    let kind = std::fs::metadata(path).map_err(unreadable)?.file_type();
    if !kind.is_file() && !is_fifo(&kind) {
        return Err(Error::NotAFile {
            path: name,
            found: file_type(&kind).to_owned(),
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    decode(bytes, &name)
}

/// What a path that is not a regular file names, for a message.
pub fn file_type(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

/// Whether the path names a FIFO (a pipe).
fn is_fifo(kind: &std::fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

/// Decodes a text file's bytes: a byte-order mark decides (UTF-8,
/// UTF-16LE, UTF-16BE); without one the text is UTF-8, or GB18030 when
/// it is not UTF-8 and looks like GB18030 (GBK).
fn decode(bytes: Vec<u8>, name: &str) -> Result<Text, Error> {
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let text = strictly(encoding, &bytes[bom..]).map_err(|(at, prefix)| Error::NotUtf8 {
            path: name.to_owned(),
            line: line_of(&prefix),
            offset: (bom + at) as u64,
            looks_like: Some(format!(
                "{} (it begins with that byte-order mark), but it does not decode from here",
                name_of(encoding)
            )),
        })?;
        let decoded_from = (encoding != encoding_rs::UTF_8).then(|| name_of(encoding));
        return Ok(Text { text, decoded_from });
    }
    let first_bad = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Text {
                text,
                decoded_from: None,
            });
        }
        Err(e) => e,
    };
    let at = first_bad.utf8_error().valid_up_to();
    let bytes = first_bad.into_bytes();
    let not_utf8 = |at: usize, line: u64, looks_like: String| Error::NotUtf8 {
        path: name.to_owned(),
        line,
        offset: at as u64,
        looks_like: Some(looks_like),
    };
    if let Some(utf16) = utf16_without_bom(&bytes) {
        // Its lines are counted in its own code units.
        let (prefix, _) = utf16.decode_without_bom_handling(&bytes[..at & !1]);
        return Err(not_utf8(
            at,
            line_of(&prefix),
            format!("{} without a byte-order mark", utf16.name()),
        ));
    }
    let guess = looks_like(&bytes);
    if guess == GBK || guess == GB18030 {
        return match strictly(GB18030, &bytes) {
            Ok(text) => Ok(Text {
                text,
                decoded_from: Some(name_of(GB18030)),
            }),
            Err((bad, prefix)) => Err(not_utf8(
                bad,
                line_of(&prefix),
                "GB18030, but it does not decode from here".to_owned(),
            )),
        };
    }
    // A GB18030 file damaged somewhere: the detector rules GB18030 out
    // for the bad bytes, but what comes before them says what it is.
    if let Err((bad, prefix)) = strictly(GB18030, &bytes)
        && bad > at
        && [GBK, GB18030].contains(&looks_like(&bytes[..bad]))
    {
        return Err(not_utf8(
            bad,
            line_of(&prefix),
            "GB18030, but it does not decode from here".to_owned(),
        ));
    }
    let line = line_of(&String::from_utf8_lossy(&bytes[..at]));
    Err(not_utf8(at, line, name_of(guess).to_owned()))
}

/// UTF-16 without a byte-order mark, by its zero bytes: text has none,
/// and UTF-16 has one in every ASCII character (a newline, a digit), the
/// odd bytes of little-endian and the even ones of big-endian (a Chinese
/// character such as 一, U+4E00, puts some on the other side). Binary
/// bytes have them on both sides and seldom decode as UTF-16 with
/// newlines; they are left to [`looks_like`].
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0) {
        if i % 2 == 0 {
            even += 1;
        } else {
            odd += 1;
        }
    }
    let side = if odd > 2 * even {
        UTF_16LE
    } else if even > 2 * odd {
        UTF_16BE
    } else {
        return None;
    };
    // A file cut short may end inside a code unit.
    let text = strictly(side, &bytes[..bytes.len() & !1]).ok()?;
    text.contains('\n').then_some(side)
}

/// The legacy encoding the bytes look like (Firefox's detector, with no
/// hint of where the text came from: a `.cn` hint would read Big5 as GBK).
fn looks_like(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// Decodes all of `bytes` as `encoding`, or says at which byte it stops
/// decoding and what came before.
fn strictly(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, (usize, String)> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(bad, extra) => {
                let at = read - usize::from(bad) - usize::from(extra);
                return Err((at, text));
            }
        }
    }
}

/// An encoding's name as people write it (`GB18030`, `Big5`, `UTF-16LE`,
/// `Shift_JIS`, `windows-1252`).
fn name_of(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else if encoding == GBK {
        "GBK"
    } else {
        encoding.name()
    }
}

/// The line (from 1) that follows `prefix`.
fn line_of(prefix: &str) -> u64 {
    prefix.bytes().filter(|b| *b == b'\n').count() as u64 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_sequence_is_found_at_its_first_byte() {
        // 任命 in GB18030, then a lead byte with no trail byte at 4.
        let bytes = [0xC8, 0xCE, 0xC3, 0xFC, 0x81];
        let (at, prefix) = strictly(GB18030, &bytes).unwrap_err();
        assert_eq!((at, prefix.as_str()), (4, "任命"));
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_is_read_as_it_is() {
        for bytes in [
            "任命\n".as_bytes().to_vec(),
            b"\xEF\xBB\xBF\xE4\xBB\xBB\xE5\x91\xBD\n".to_vec(),
        ] {
            let text = decode(bytes, "a.txt").unwrap();
            assert_eq!((text.text.as_str(), text.decoded_from), ("任命\n", None));
        }
    }
}
