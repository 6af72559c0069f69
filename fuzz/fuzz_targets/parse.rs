//! libFuzzer target: any bytes, read as text by the parser (lenient and
//! strict), what it reads recorded and asked about. See `src/lib.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    appointment_ledger_fuzz::parse(data);
});
