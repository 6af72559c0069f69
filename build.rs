//! Writes the table the parser folds traditional script by
//! (`src/parse/script.rs`): one bit a character of the basic plane,
//! whether the `fast2s` conversion table gives it another (simplified)
//! form. Made here, once a build, so that no process pays for making it:
//! a fresh `appointments who` that had to would spend more time on the
//! table than on its question.

use std::io;
use std::path::PathBuf;

/// The ranges of characters that may fold (as `script.rs` says): the
/// unified ideographs and their first extension, and the compatibility
/// ideographs.
const RANGES: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

fn main() -> io::Result<()> {
    println!("cargo::rerun-if-changed=build.rs");
    let all: String = RANGES
        .iter()
        .flat_map(|&(lo, hi)| (lo..=hi).filter_map(char::from_u32))
        .collect();
    // (The conversion writes one character for each it reads.)
    let converted = fast2s::convert(&all);
    let mut bits = vec![0u8; 0x10000 / 8];
    for (c, s) in all.chars().zip(converted.chars()) {
        let code = c as usize;
        if c != s
            && let Some(byte) = bits.get_mut(code / 8)
        {
            *byte |= 1 << (code % 8);
        }
    }
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| io::Error::other("OUT_DIR is not set"))?;
    std::fs::write(PathBuf::from(out).join("fold_bits.bin"), bits)
}
