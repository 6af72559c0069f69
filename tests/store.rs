//! The ledger file on disk: fault injection (every truncation, every
//! flipped byte), crash by SIGKILL, one writer at a time, read-only
//! readers, batch import and format versions. The tests that kill and
//! spawn processes are in `store_crash.rs`: a child forked while a test
//! here holds a ledger would hold its lock too until it execs.

mod common;
mod store_common;

use std::path::Path;

use appointment_ledger::{Error, FileStore, Ledger, LogRead, NaiveDate, Notice, Person, Post};
use common::{notice4, notice5};
use store_common::{notice, number, numbers, scratch_dir};

/// No recording times: two ledgers of the same entries are byte-identical.
fn no_clock() -> Option<chrono::DateTime<chrono::Utc>> {
    None
}

const HEADER_LEN: usize = 16;

/// The bytes of a ledger file holding `count` small notices, and where each
/// record ends.
fn ledger_bytes(dir: &Path, count: u64) -> (Vec<u8>, Vec<usize>) {
    let path = dir.join("source.ledger");
    let mut ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    ledger.record_batch((1..=count).map(notice)).unwrap();
    drop(ledger);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    // Walk the documented layout: a 16-byte header, then records of a
    // 16-byte frame, the payload and a 4-byte end marker.
    let mut ends = Vec::new();
    let mut pos = HEADER_LEN;
    while pos < bytes.len() {
        let len = u32::from_le_bytes(bytes[pos..pos + 4].try_into().unwrap()) as usize;
        pos += 16 + len + 4;
        ends.push(pos);
    }
    assert_eq!(pos, bytes.len());
    assert_eq!(ends.len() as u64, count);
    (bytes, ends)
}

#[test]
fn a_file_cut_at_every_byte_reopens_with_exactly_its_whole_records() {
    let dir = scratch_dir();
    let (bytes, ends) = ledger_bytes(dir.path(), 60);
    let path = dir.path().join("cut.ledger");
    for cut in 0..=bytes.len() {
        std::fs::write(&path, &bytes[..cut]).unwrap();
        // Reopen as the writer does: every tenth cut through the whole
        // ledger (replay included), the others through its store alone.
        let (have, recovery) = if cut.is_multiple_of(10) {
            let ledger = Ledger::builder()
                .open(&path)
                .unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
            (numbers(&ledger), ledger.recovery().cloned())
        } else {
            let mut store = FileStore::open(&path).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
            let entries = store.read_log().unwrap();
            let have: Vec<String> = entries
                .iter()
                .filter_map(|e| e.change.notice().map(|n| n.number.clone()))
                .collect();
            (have, store.recovery())
        };
        let whole = ends.iter().filter(|&&end| end <= cut).count();
        let boundary = if whole == 0 { 0 } else { ends[whole - 1] };
        let boundary = if cut < HEADER_LEN {
            0
        } else {
            boundary.max(HEADER_LEN)
        };
        let expected: Vec<String> = (1..=whole as u64).map(number).collect();
        assert_eq!(have, expected, "cut at {cut}");
        match recovery {
            None => assert!(cut == boundary, "cut at {cut}: nothing reported"),
            Some(r) => {
                assert_ne!(cut, boundary, "cut at {cut}: a whole file reported as torn");
                assert_eq!(r.offset, boundary as u64, "cut at {cut}");
                assert_eq!(r.bytes_cut, (cut - boundary) as u64, "cut at {cut}");
                assert!(r.truncated);
                // The lost notice is never an acknowledged one, and it is
                // named once its payload is all there.
                let lost = number(whole as u64 + 1);
                if let Some(n) = &r.notice {
                    assert_eq!(n, &lost, "cut at {cut}");
                }
                if boundary >= HEADER_LEN && cut >= ends[whole] - 4 {
                    assert_eq!(r.notice.as_deref(), Some(lost.as_str()), "cut at {cut}");
                }
            }
        }
        // The cut is on disk: the file now ends at the last whole record
        // (or holds a fresh header), and reopening finds nothing to cut.
        let len = std::fs::metadata(&path).unwrap().len() as usize;
        assert_eq!(len, boundary.max(HEADER_LEN), "cut at {cut}");
        let mut again = FileStore::open_read_only(&path).unwrap();
        assert_eq!(again.recovery(), None, "cut at {cut}");
        assert_eq!(again.read_log().unwrap().len(), whole, "cut at {cut}");
    }
    eprintln!(
        "{} cuts of a ledger of 60 notices, each reopened to exactly its whole records: 0 whole records lost, 0 torn ones kept",
        bytes.len() + 1
    );
}

#[test]
fn every_flipped_byte_is_detected_and_the_file_left_alone() {
    let dir = scratch_dir();
    let (bytes, ends) = ledger_bytes(dir.path(), 60);
    let path = dir.path().join("flip.ledger");
    for at in 0..bytes.len() {
        // Every byte once: all its bits inverted, or (odd offsets) the
        // lowest bit alone, the smallest damage there is.
        {
            let mask = if at.is_multiple_of(2) { 0xFF_u8 } else { 0x01 };
            let mut damaged = bytes.clone();
            damaged[at] ^= mask;
            std::fs::write(&path, &damaged).unwrap();
            let err = match Ledger::builder().clock(no_clock).open(&path) {
                Ok(l) => panic!("byte {at} ^ {mask:#x} accepted: {} entries", l.len()),
                Err(e) => e,
            };
            assert!(err.is_corrupt(), "byte {at} ^ {mask:#x}: {err}");
            // The error names the record the byte is in (0: the header).
            if at < HEADER_LEN {
                assert_eq!((err.offset(), err.line()), (Some(0), Some(0)), "{err}");
            } else {
                let index = ends.iter().filter(|&&end| end <= at).count();
                let start = if index == 0 {
                    HEADER_LEN
                } else {
                    ends[index - 1]
                };
                let record = index as u64 + 1;
                assert_eq!(err.offset(), Some(start as u64), "byte {at}: {err}");
                assert_eq!(err.line(), Some(record), "byte {at}: {err}");
                // Damage outside the payload leaves the notice's number
                // readable, and the error names it.
                let payload = start + 16..ends[index] - 4;
                if !payload.contains(&at) {
                    assert_eq!(err.notice(), Some(number(record).as_str()), "{err}");
                }
            }
            // Damage is reported, never repaired.
            assert_eq!(std::fs::read(&path).unwrap(), damaged, "byte {at}");
        }
    }
    eprintln!(
        "{} flipped bytes of a ledger of 60 notices: each refused as corrupt at its record, the file left alone; 0 accepted",
        bytes.len()
    );
}

#[test]
fn damage_before_the_last_record_names_its_offset_and_notice() {
    let dir = scratch_dir();
    let (mut bytes, ends) = ledger_bytes(dir.path(), 3);
    let second = ends[0];
    // A byte inside the second record's payload, away from the number.
    bytes[second + 16 + 3] ^= 0x20;
    let path = dir.path().join("damaged.ledger");
    std::fs::write(&path, &bytes).unwrap();
    let err = Ledger::builder().clock(no_clock).open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: corrupt ledger at record 2 (byte {second}), notice 测〔2022〕2号: the record's payload is damaged (checksum mismatch)",
            path.display()
        )
    );
    assert_eq!(err.offset(), Some(second as u64));
    assert_eq!(err.notice(), Some("测〔2022〕2号"));
    assert!(err.is_corrupt() && !err.is_bad_input());
    // A read-only open says the same: damage is never skipped.
    assert_eq!(Ledger::builder().open_read_only(&path).unwrap_err(), err);
}

#[test]
fn a_torn_record_is_reported_with_its_notice() {
    let dir = scratch_dir();
    let (bytes, ends) = ledger_bytes(dir.path(), 3);
    let path = dir.path().join("torn.ledger");
    // Everything of the third record but its end marker.
    let cut = bytes.len() - 2;
    std::fs::write(&path, &bytes[..cut]).unwrap();

    // A reader skips it and leaves the file alone.
    let reader = Ledger::builder().open_read_only(&path).unwrap();
    let skipped = reader.recovery().unwrap();
    assert!(!skipped.truncated);
    assert_eq!(
        skipped.to_string(),
        format!(
            "skipped a torn record at byte {} ({} bytes: the file ends before the record's end marker); notice 测〔2022〕3号 was never acknowledged",
            ends[1],
            cut - ends[1]
        )
    );
    assert_eq!(std::fs::metadata(&path).unwrap().len(), cut as u64);

    // The writer cuts it, and the file takes new records after the cut.
    let mut writer = Ledger::builder().clock(no_clock).open(&path).unwrap();
    let cut_off = writer.recovery().unwrap();
    assert!(cut_off.truncated);
    assert_eq!(
        (cut_off.offset, cut_off.bytes_cut, cut_off.notice.as_deref()),
        (
            ends[1] as u64,
            (cut - ends[1]) as u64,
            Some("测〔2022〕3号")
        )
    );
    assert_eq!(numbers(&writer), [number(1), number(2)]);
    writer.record(notice(3)).unwrap();
    drop(writer);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_file_of_a_newer_format_is_refused_clearly() {
    let dir = scratch_dir();
    let (mut bytes, _) = ledger_bytes(dir.path(), 1);
    bytes[8] = 2;
    let check = crc32c::crc32c(&bytes[..12]);
    bytes[12..16].copy_from_slice(&check.to_le_bytes());
    let path = dir.path().join("newer.ledger");
    std::fs::write(&path, &bytes).unwrap();
    let err = Ledger::builder().clock(no_clock).open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: ledger format version 2 (byte 0) is newer than this build reads (up to 1); open it with a newer appointment-ledger",
            path.display()
        )
    );
    assert!(err.is_newer_format() && !err.is_corrupt());

    // A record of a newer schema, whole and checksummed, is refused too.
    let (mut bytes, _) = ledger_bytes(dir.path(), 1);
    let frame = HEADER_LEN;
    bytes[frame + 4] = 9;
    let check = crc32c::crc32c(&bytes[frame..frame + 8]);
    bytes[frame + 8..frame + 12].copy_from_slice(&check.to_le_bytes());
    std::fs::write(&path, &bytes).unwrap();
    let err = Ledger::builder().clock(no_clock).open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: record schema version 9 (byte 16) is newer than this build reads (up to 2); open it with a newer appointment-ledger",
            path.display()
        )
    );
    assert_eq!(err.offset(), Some(16));
}

#[test]
fn a_stranger_file_is_not_a_ledger_and_is_left_alone() {
    let dir = scratch_dir();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "hello, this is not a ledger\n").unwrap();
    let err = Ledger::builder().clock(no_clock).open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: corrupt ledger at record 0 (byte 0): not a ledger file (no ledger header)",
            path.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "hello, this is not a ledger\n"
    );
}

#[test]
fn a_second_writer_in_this_process_is_locked_out_and_writes_nothing() {
    let dir = scratch_dir();
    let path = dir.path().join("one-writer.ledger");
    let mut first = Ledger::builder().clock(no_clock).open(&path).unwrap();
    first.record(notice4()).unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = Ledger::builder().clock(no_clock).open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: locked by another writer", path.display())
    );
    assert!(err.is_locked() && !err.is_bad_input());
    assert!(FileStore::open(&path).unwrap_err().is_locked());
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Readers are not locked out, and cannot write.
    let mut reader = Ledger::builder().open_read_only(&path).unwrap();
    assert_eq!(numbers(&reader), ["济槐政任〔2022〕4号"]);
    let err = reader.record(notice5()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the ledger is open read-only; nothing was recorded",
            path.display()
        )
    );
    assert!(err.is_read_only());
    assert!(reader.record_batch([notice5()]).unwrap_err().is_read_only());
    assert_eq!(reader.len(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // The first writer goes on; when it is gone, the next one opens.
    first.record(notice5()).unwrap();
    drop(first);
    let next = Ledger::builder().clock(no_clock).open(&path).unwrap();
    assert_eq!(
        numbers(&next),
        ["济槐政任〔2022〕4号", "济槐政任〔2022〕5号"]
    );
}

#[test]
fn a_batch_is_one_fsync_and_reopens_whole() {
    let dir = scratch_dir();
    let path = dir.path().join("batch.ledger");
    let mut ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    ledger.record(notice4()).unwrap();
    let recorded = ledger
        .record_batch([notice5(), notice(1), notice(2)])
        .unwrap();
    assert_eq!(
        recorded.iter().map(|r| r.seq).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    // One invalid notice refuses the whole batch, on disk too.
    let len = std::fs::metadata(&path).unwrap().len();
    let err = ledger
        .record_batch([notice(3), notice(4), notice(1)])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 测〔2022〕1号 is already recorded (as entry 3)"
    );
    assert_eq!(ledger.len(), 4);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
    assert_eq!(ledger.record_batch([]).unwrap(), []);
    drop(ledger);

    let reopened = Ledger::builder().clock(no_clock).open(&path).unwrap();
    let mut expected = Ledger::builder().clock(no_clock).in_memory();
    expected.record(notice4()).unwrap();
    expected.record(notice5()).unwrap();
    expected.record(notice(1)).unwrap();
    expected.record(notice(2)).unwrap();
    assert!(reopened == expected);
    assert_eq!(reopened.recovery(), None);
    let read = FileStore::open_read_only(&path)
        .unwrap()
        .read_log()
        .unwrap();
    assert_eq!(read, expected.log());
}

#[test]
fn errors_of_the_store_are_send_sync_and_compare() {
    fn check<T: Send + Sync + Clone + PartialEq>() {}
    check::<Error>();
    check::<appointment_ledger::Recovery>();
}

#[test]
fn a_clause_that_lists_many_people_is_written_once() {
    // One clause naming 2 000 people: the record holds its text once (in
    // schema 2), and the events read back share one copy of it.
    let dir = scratch_dir();
    let path = dir.path().join("list.ledger");
    let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    let people: Vec<String> = (0..2000).map(|i| format!("张{i:04}")).collect();
    let text = format!("任命{}为某局科员", people.join("、"));
    let mut notice = Notice::new("某任〔2022〕1号", day);
    for name in &people {
        notice.events.push(
            appointment_ledger::Event::new(
                appointment_ledger::EventKind::Appoint,
                Person::new(name),
                Post::new("某局", "科员"),
            )
            .clause(1, &text),
        );
    }
    let mut ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    ledger.record(notice).unwrap();
    drop(ledger);
    let len = std::fs::metadata(&path).unwrap().len();
    // The events' other fields, not 2 000 copies of 18 KB of text.
    assert!(len < 400_000, "{len} bytes");
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes[HEADER_LEN + 4], 2, "schema 2");

    let ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    let log = ledger.log();
    let Some(appointment_ledger::Change::Notice(read)) = log.first().map(|e| &e.change) else {
        panic!("a notice");
    };
    assert_eq!(read.events.len(), 2000);
    assert!(read.events.iter().all(|e| *e.provenance.text == *text));
    assert!(std::sync::Arc::ptr_eq(
        &read.events[0].provenance.text,
        &read.events[1999].provenance.text
    ));
}

#[test]
fn an_event_of_its_own_empty_text_in_a_shared_clause_is_kept_empty() {
    // Schema 2 could not tell it from a shared text: the record is written
    // in schema 1, as it is.
    let dir = scratch_dir();
    let path = dir.path().join("empty.ledger");
    let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    let event = |name: &str, text: &str| {
        appointment_ledger::Event::new(
            appointment_ledger::EventKind::Appoint,
            Person::new(name),
            Post::new("某局", "科员"),
        )
        .clause(1, text)
    };
    let mut notice = Notice::new("某任〔2022〕2号", day);
    notice.events = vec![
        event("张三", "任命张三、李四为某局科员"),
        event("李四", "任命张三、李四为某局科员"),
        event("王五", ""),
    ];
    let mut ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    ledger.record(notice.clone()).unwrap();
    drop(ledger);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes[HEADER_LEN + 4], 1, "schema 1");
    let ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    let log = ledger.log();
    let Some(appointment_ledger::Change::Notice(read)) = log.first().map(|e| &e.change) else {
        panic!("a notice");
    };
    assert_eq!(read.events, notice.events);
}

/// A ledger file whose records all pass their checksums, holding `changes`
/// as entries 1, 2, … (written by the store, past the ledger's rules), and
/// where each record begins.
fn file_of(path: &Path, changes: Vec<appointment_ledger::Change>) -> Vec<u64> {
    use appointment_ledger::LogAppend;
    let mut store = FileStore::open(path).unwrap();
    let mut starts = Vec::new();
    for (i, change) in changes.into_iter().enumerate() {
        starts.push(std::fs::metadata(path).unwrap().len());
        let entry = appointment_ledger::Entry {
            seq: i as u64 + 1,
            recorded_at: None,
            change,
        };
        store.append(&entry).unwrap();
    }
    starts
}

#[test]
fn a_whole_record_the_replay_refuses_is_corruption_naming_file_record_and_offset() {
    use appointment_ledger::{Change, Seats};
    let dir = scratch_dir();
    let path = dir.path().join("meaning.ledger");
    let day1 = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
    let shapes: [(Change, &str, &str); 4] = [
        (
            Change::Notice(notice(1)),
            "notice 测〔2022〕1号",
            "notice 测〔2022〕1号 is already recorded (as entry 1)",
        ),
        (
            Change::Notice(Notice::new(
                "测〔2022〕7号",
                NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
            )),
            "notice 测〔2022〕7号",
            "notice 测〔2022〕7号: has no events",
        ),
        (
            Change::Seats {
                post: Post::new("某局", "局长"),
                seats: Seats::Limit(0),
            },
            "",
            "post 某局局长: a post has at least one seat",
        ),
        (
            Change::Notice(
                Notice::new("测〔2022〕8号", day1)
                    .appoint(Person::new("张三"), Post::new("某局", "局长")),
            ),
            "notice 测〔2022〕8号",
            "测〔2022〕8号: date 0001-01-01 is out of range (1900-01-01..=2199-12-31)",
        ),
    ];
    for (change, notice_part, refusal) in shapes {
        let _ = std::fs::remove_file(&path);
        let starts = file_of(&path, vec![Change::Notice(notice(1)), change]);
        let expected = format!(
            "{}: corrupt ledger at record 2 (byte {}){}{}: the record is whole but cannot be replayed: {refusal}",
            path.display(),
            starts[1],
            if notice_part.is_empty() { "" } else { ", " },
            notice_part,
        );
        let before = std::fs::read(&path).unwrap();
        for err in [
            Ledger::builder().open(&path).unwrap_err(),
            Ledger::builder().open_read_only(&path).unwrap_err(),
        ] {
            assert_eq!(err.to_string(), expected);
            assert!(err.is_corrupt() && !err.is_bad_input(), "{err}");
            assert_eq!((err.line(), err.offset()), (Some(2), Some(starts[1])));
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "left alone");
    }
}

#[test]
fn acknowledged_records_read_as_zeros_are_damage_not_a_torn_tail() {
    // The last 50 of 60 acknowledged records zeroed: more zeros than any
    // one append could leave, so neither the writer nor a reader may take
    // them for a torn record.
    let dir = scratch_dir();
    let (mut bytes, ends) = ledger_bytes(dir.path(), 60);
    let first = ends[9];
    bytes[first..].fill(0);
    let path = dir.path().join("zeroed.ledger");
    std::fs::write(&path, &bytes).unwrap();
    let expected = format!(
        "{}: corrupt ledger at record 11 (byte {first}): {} zero bytes to the end of the file, more than one append leaves (at most 4096 bytes, the larger of the largest record and a page): whole records read as zeros",
        path.display(),
        bytes.len() - first
    );
    for err in [
        Ledger::builder().open(&path).unwrap_err(),
        Ledger::builder().open_read_only(&path).unwrap_err(),
    ] {
        assert_eq!(err.to_string(), expected);
        assert_eq!((err.line(), err.offset()), (Some(11), Some(first as u64)));
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left alone");
}

#[test]
fn a_last_record_whose_end_reads_as_zeros_is_a_torn_append() {
    // What a power cut mid-append leaves: the file grew by the record,
    // its frame reached the disk, its last 40 bytes (end marker included)
    // did not.
    let dir = scratch_dir();
    let (bytes, ends) = ledger_bytes(dir.path(), 3);
    let mut torn = bytes.clone();
    let len = torn.len();
    torn[len - 40..].fill(0);
    let path = dir.path().join("power-cut.ledger");
    std::fs::write(&path, &torn).unwrap();

    let reader = Ledger::builder().open_read_only(&path).unwrap();
    assert_eq!(numbers(&reader), [number(1), number(2)]);
    assert_eq!(
        reader.recovery().unwrap().to_string(),
        format!(
            "skipped a torn record at byte {} ({} bytes: zero bytes where the end of the record was being written); notice 测〔2022〕3号 was never acknowledged",
            ends[1],
            len - ends[1]
        )
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        torn,
        "a reader writes nothing"
    );

    let mut writer = Ledger::builder().clock(no_clock).open(&path).unwrap();
    let cut = writer.recovery().unwrap();
    assert_eq!(
        (cut.offset, cut.bytes_cut, cut.truncated),
        (ends[1] as u64, (len - ends[1]) as u64, true)
    );
    writer.record(notice(3)).unwrap();
    drop(writer);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_damaged_length_that_passes_its_frame_check_cuts_no_whole_record() {
    // Record 17 of 93 claims 0xFFFFFFFF bytes, its frame check recomputed
    // to match: the 77 whole records after it are still there to be found.
    let dir = scratch_dir();
    let (mut bytes, ends) = ledger_bytes(dir.path(), 93);
    let at = ends[15];
    bytes[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let check = crc32c::crc32c(&bytes[at..at + 8]);
    bytes[at + 8..at + 12].copy_from_slice(&check.to_le_bytes());
    let path = dir.path().join("length.ledger");
    std::fs::write(&path, &bytes).unwrap();
    let expected = format!(
        "{}: corrupt ledger at record 17 (byte {at}), notice 测〔2022〕17号: the record's length (4294967295 bytes) runs past the end of the file, but a whole record follows at byte {}",
        path.display(),
        ends[16]
    );
    for err in [
        Ledger::builder().open(&path).unwrap_err(),
        Ledger::builder().open_read_only(&path).unwrap_err(),
    ] {
        assert_eq!(err.to_string(), expected);
        assert_eq!((err.line(), err.offset()), (Some(17), Some(at as u64)));
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left alone");
}

/// What a ledger file of `bytes` holds, opened read-only and as the
/// writer: the notices' numbers of each (which must agree).
fn reopened(path: &Path, bytes: &[u8], shape: &str) -> Vec<String> {
    std::fs::write(path, bytes).unwrap();
    let reader = Ledger::builder()
        .open_read_only(path)
        .unwrap_or_else(|e| panic!("{shape}: a reader refused it: {e}"));
    let read = numbers(&reader);
    drop(reader);
    let writer = Ledger::builder()
        .clock(no_clock)
        .open(path)
        .unwrap_or_else(|e| panic!("{shape}: the writer refused it: {e}"));
    assert_eq!(numbers(&writer), read, "{shape}: the writer and a reader");
    read
}

#[test]
fn a_crash_at_any_byte_of_an_append_or_a_batch_loses_no_acknowledged_notice() {
    // A ledger of 5 acknowledged notices, then one `record` (notice 6) and
    // one `record_batch` of ten (7 to 16). A crash during either leaves
    // the file cut anywhere in what it was writing, or (a power cut: the
    // file grew, its last pages never reached the disk) that much of it
    // zeroed to the end. Every such file reopens, by a reader and by the
    // writer, to the acknowledged notices and the whole records of the
    // interrupted write, never to a part of one.
    let dir = scratch_dir();
    let path = dir.path().join("crash-points.ledger");
    let mut ledger = Ledger::builder().clock(no_clock).open(&path).unwrap();
    ledger.record_batch((1..=5).map(notice)).unwrap();
    let before = std::fs::metadata(&path).unwrap().len() as usize;
    ledger.record(notice(6)).unwrap();
    let single = std::fs::metadata(&path).unwrap().len() as usize;
    ledger.record_batch((7..=16).map(notice)).unwrap();
    drop(ledger);
    let bytes = std::fs::read(&path).unwrap();
    // Where each record of the batch ends, by the documented layout.
    let mut ends = Vec::new();
    let mut pos = single;
    while pos < bytes.len() {
        pos += 16 + u32::from_le_bytes(bytes[pos..pos + 4].try_into().unwrap()) as usize + 4;
        ends.push(pos);
    }
    assert_eq!(ends.len(), 10);
    let scratch = dir.path().join("crashed.ledger");
    let mut points = [0usize; 2];
    for cut in before..=bytes.len() {
        let (write, acknowledged) = if cut <= single {
            ("the append", 5)
        } else {
            ("the batch", 6)
        };
        // The interrupted write's whole records before the cut.
        let whole = if cut < single {
            5
        } else {
            6 + ends.iter().filter(|&&end| end <= cut).count() as u64
        };
        let expected: Vec<String> = (1..=whole).map(number).collect();
        assert!(whole >= acknowledged);
        let shape = format!("{write} cut at byte {cut}");
        assert_eq!(
            reopened(&scratch, &bytes[..cut], &shape),
            expected,
            "{shape}"
        );
        let end = if cut <= single { single } else { bytes.len() };
        if cut < end {
            let mut zeroed = bytes[..end].to_vec();
            zeroed[cut..].fill(0);
            let shape = format!("{write} zeroed from byte {cut} to its end at {end}");
            assert_eq!(reopened(&scratch, &zeroed, &shape), expected, "{shape}");
        }
        points[usize::from(cut > single)] += 1;
    }
    assert_eq!(points, [single - before + 1, bytes.len() - single]);
    eprintln!(
        "{} crash points in an append and {} in a batch of 10, each cut and zeroed, each reopened by a reader and the writer: 0 acknowledged notices lost, 0 parts of a record kept",
        points[0], points[1]
    );
}
