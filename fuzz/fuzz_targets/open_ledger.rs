//! libFuzzer target: any bytes (or a valid ledger file edited by them)
//! opened as a ledger file, read-only and as the writer. See `src/lib.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    appointment_ledger_fuzz::open_ledger(data);
});
