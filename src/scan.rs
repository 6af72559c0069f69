//! Finding a byte in text eight bytes at a time.
//!
//! The parser and the name normaliser look for a few kinds of byte in long
//! runs of CJK text that hold none of them. Both ask [`first`], each with
//! its own test of a whole 64-bit word.

/// A byte of ones in every lane of a word.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every lane.
pub(crate) const HIGH: u64 = 0x80 * ONES;
/// The low seven bits of every lane.
pub(crate) const LOW: u64 = 0x7F * ONES;

/// The index of the first byte from `from` on that `byte` accepts.
///
/// `word` reads eight bytes as a little-endian `u64` and returns the high
/// bit of each lane whose byte `byte` accepts, and no other bit (no carry
/// or borrow may cross lanes); the last bytes, fewer than eight, are
/// tested one by one.
///
/// Always inlined: each caller's `word` is then folded into its loop
/// (measured: called out of line, the parser's scans cost twice as much).
#[inline(always)]
pub(crate) fn first(
    bytes: &[u8],
    from: usize,
    word: impl Fn(u64) -> u64,
    byte: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let found = word(u64::from_le_bytes(eight));
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter().position(|&b| byte(b)).map(|at| i + at)
}

/// Checks a word scan against its byte test: every byte value at every
/// place of a 19-byte text of CJK lead bytes (0xE5), from every start,
/// finds what testing byte by byte finds.
#[cfg(test)]
pub(crate) fn assert_agrees(
    scan: impl Fn(&[u8], usize) -> Option<usize>,
    byte: impl Fn(u8) -> bool,
) {
    for b in 0..=255u8 {
        for place in 0..19 {
            let mut bytes = [0xE5u8; 19];
            bytes[place] = b;
            for from in 0..=19 {
                let expected = (from..19).find(|&i| byte(bytes[i]));
                assert_eq!(scan(&bytes, from), expected, "{b:#x} at {place}");
            }
        }
    }
}
