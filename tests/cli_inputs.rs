//! The command given hostile paths and text (issue 15): a ledger path that
//! is no regular file, text in other encodings, a directory for a text
//! file, a date the ledger cannot hold, and a reader that closes the pipe
//! in the middle of an import.

mod cli_support;

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use cli_support::{GAZETTE, mkfifo, run, stderr, stdout, temp_path};

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs the command, killing it if it has not ended after `seconds` (a
/// command that blocks on a FIFO, or reads `/dev/zero` until memory runs
/// out, fails the test instead of hanging it).
fn run_for(args: &[&str], seconds: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            let _ = child.wait();
            panic!(
                "`appointments {}` still running after {seconds} s",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_ledger_that_is_no_regular_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("ledger.fifo");
    mkfifo(&fifo);
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let cases = [
        ("/dev/zero", "a character device"),
        (s(&fifo), "a FIFO"),
        (s(&folder), "a directory"),
    ];
    for (path, found) in cases {
        let asks: [&[&str]; 4] = [
            &[
                "who",
                "某县财政局局长",
                "--on",
                "2022-05-01",
                "--ledger",
                path,
            ],
            &["history", "某县财政局局长", "--ledger", path],
            &["alias", "某县医院", "某县人民医院", "--ledger", path],
            &["import", GAZETTE, "--ledger", path],
        ];
        for args in asks {
            let out = run_for(args, 5);
            assert_eq!(
                stderr(&out),
                format!("error: {path}: {found}, not a regular file\n"),
                "{args:?}"
            );
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(stdout(&out), "", "{args:?}");
        }
    }
    // Nothing was written in place of the FIFO or into the folder.
    assert!(std::fs::read_dir(&folder).unwrap().next().is_none());
}

/// The gazette's text, encoded.
fn gazette_in(encoding: &'static encoding_rs::Encoding, bom: &[u8]) -> Vec<u8> {
    let text = std::fs::read_to_string(GAZETTE).unwrap();
    let mut bytes = bom.to_vec();
    match encoding.name() {
        // encoding_rs encodes only into ASCII-compatible encodings.
        "UTF-16LE" => bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes)),
        "UTF-16BE" => bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes)),
        _ => {
            let (encoded, _, unmappable) = encoding.encode(&text);
            assert!(!unmappable);
            bytes.extend_from_slice(&encoded);
        }
    }
    bytes
}

#[test]
fn gb18030_and_utf16_with_a_byte_order_mark_are_read_as_the_same_text() {
    let utf8 = run(&["parse", GAZETTE]);
    assert!(utf8.status.success());
    assert_eq!(stdout(&utf8).lines().count(), 62);
    let cases = [
        ("gb18030", encoding_rs::GB18030, &[][..], "GB18030"),
        (
            "utf16le",
            encoding_rs::UTF_16LE,
            &[0xFF, 0xFE][..],
            "UTF-16LE",
        ),
        (
            "utf16be",
            encoding_rs::UTF_16BE,
            &[0xFE, 0xFF][..],
            "UTF-16BE",
        ),
    ];
    for (name, encoding, bom, said) in cases {
        let file = temp_path(&format!("gazette-{name}.txt"));
        std::fs::write(&file, gazette_in(encoding, bom)).unwrap();
        let out = run(&["parse", s(&file)]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), stdout(&utf8), "{name}");
        assert_eq!(
            stderr(&out),
            format!(
                "note: {}: read as {said} (the text is not UTF-8)\n",
                file.display()
            )
        );
    }
}

#[test]
fn text_that_does_not_decode_is_named_by_file_line_byte_and_encoding() {
    let traditional = std::fs::read_to_string(format!(
        "{}/tests/data/real/a01_sc_vice_ministers_todaymg_trad.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let (big5, _, _) = encoding_rs::BIG5.encode(&traditional);
    let first = big5.iter().position(|b| !b.is_ascii()).unwrap();
    let line = big5[..first].iter().filter(|b| **b == b'\n').count() + 1;
    let utf16 = gazette_in(encoding_rs::UTF_16LE, &[]);
    // The gazette in GB18030 with a stray lead byte at the start of line
    // 40.
    let gb = gazette_in(encoding_rs::GB18030, &[]);
    let forty = gb
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(38)
        .unwrap()
        .0
        + 1;
    let mut cut = gb[..forty].to_vec();
    cut.extend_from_slice(&[0x81, b'\n']);
    cut.extend_from_slice(&gb[forty..]);
    let cases: [(&str, Vec<u8>, String); 3] = [
        (
            "big5",
            big5.into_owned(),
            format!("line {line} (byte {first}): not UTF-8 text, it looks like Big5"),
        ),
        (
            "utf16-no-bom",
            utf16,
            "line 3 (byte 10): not UTF-8 text, it looks like UTF-16LE without a byte-order mark"
                .to_owned(),
        ),
        (
            "gb-cut",
            cut,
            format!(
                "line 40 (byte {forty}): not UTF-8 text, it looks like GB18030, but it does not decode from here"
            ),
        ),
    ];
    for (name, bytes, message) in cases {
        let file = temp_path(&format!("undecodable-{name}.txt"));
        std::fs::write(&file, bytes).unwrap();
        let ledger = temp_path(&format!("undecodable-{name}.ledger"));
        let error = format!(
            "error: {}: {message}; convert it to UTF-8\n",
            file.display()
        );
        let out = run(&["parse", s(&file)]);
        assert_eq!(stderr(&out), error, "{name}");
        assert_eq!(out.status.code(), Some(2), "{name}");
        // An import refuses the file, names it in its summary, and has
        // nothing to record.
        let out = run(&["import", s(&file), "--ledger", s(&ledger)]);
        assert_eq!(
            stderr(&out),
            format!(
                "{error}0 recorded, 0 already present, 0 refused, 0 passed over; 1 file unreadable: {}; {} not created\n",
                file.display(),
                ledger.display()
            ),
            "{name}"
        );
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(!ledger.exists(), "{name}: no ledger is created");
    }
}

#[test]
fn a_directory_or_a_device_given_as_text_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = temp_path("directory-input.ledger");
    let error = format!(
        "error: {}: a directory, not a regular file\n",
        dir.path().display()
    );
    let out = run(&["parse", s(dir.path())]);
    assert_eq!(stderr(&out), error);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["import", s(dir.path()), "--ledger", s(&ledger)]);
    assert_eq!(
        stderr(&out),
        format!(
            "{error}0 recorded, 0 already present, 0 refused, 0 passed over; 1 file unreadable: {}; {} not created\n",
            dir.path().display(),
            ledger.display()
        )
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!ledger.exists());
    // A device would be read until memory ran out.
    let out = run_for(&["parse", "/dev/zero"], 5);
    assert_eq!(
        stderr(&out),
        "error: /dev/zero: a device, not a regular file\n"
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["parse", "/nonexistent/notices.txt"]);
    assert_eq!(
        stderr(&out),
        "error: /nonexistent/notices.txt: cannot read the text: No such file or directory (os error 2)\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_pipe_given_as_text_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("gazette.fifo");
    mkfifo(&fifo);
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        std::fs::write(&path, std::fs::read(GAZETTE).unwrap()).unwrap();
    });
    let out = run_for(&["parse", s(&fifo)], 10);
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), stdout(&run(&["parse", GAZETTE])));
}

/// A date the ledger cannot hold refuses its notice, named by file and
/// line, and the import goes on: the gazette's two notices are recorded.
/// (Before issue 16 the whole import was refused and no ledger created.)
#[test]
fn a_date_out_of_range_refuses_its_notice_named_by_file_and_line() {
    let file = temp_path("year-1850.txt");
    std::fs::write(
        &file,
        "某县人民政府关于任命张明华同志职务的通知\n某政任〔1850〕1号\n\n任命张明华为某县财政局局长。\n\n某县人民政府\n1850年5月23日\n",
    )
    .unwrap();
    let ledger = temp_path("year-1850.ledger");
    let out = run(&["import", GAZETTE, s(&file), "--ledger", s(&ledger)]);
    assert_eq!(
        stderr(&out),
        format!(
            "error: {}: line 2: notice 某政任〔1850〕1号: date 1850-05-23 is out of range (1900-01-01..=2199-12-31); refused\n\
             2 recorded, 0 already present, 1 refused, 0 passed over; {} has 2 entries\n",
            file.display(),
            ledger.display()
        )
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).starts_with("recorded 济槐政任〔2022〕4号 as entry 1 (6 events)\n"));
    assert_eq!(tenures(&ledger), 59);
}

/// Three hundred notices of one appointment each: a report longer than a
/// reader that stops after one line reads.
fn three_hundred_notices() -> String {
    let chars: Vec<char> = "明华国建军平志伟强文东海兴安春秋德林峰".chars().collect();
    let mut text = String::new();
    let mut n = 0;
    for a in &chars {
        for b in &chars {
            n += 1;
            if n > 300 {
                return text;
            }
            text.push_str(&format!(
                "某县人民政府关于任命张{a}{b}同志职务的通知\n某政任〔2022〕{n}号\n\n任命张{a}{b}为某县{a}{b}乡乡长。\n\n某县人民政府\n2022年5月23日\n\n"
            ));
        }
    }
    text
}

/// The number of tenures the ledger holds, by its CSV export.
fn tenures(ledger: &Path) -> usize {
    let out = run(&["export", "--format", "csv", "--ledger", s(ledger)]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).split_terminator("\r\n").count() - 1
}

#[test]
fn an_import_whose_reader_goes_away_still_records_every_notice() {
    let file = temp_path("three-hundred.txt");
    std::fs::write(&file, three_hundred_notices()).unwrap();
    let ledger = temp_path("closed-pipe.ledger");
    let mut child = Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(["import", s(&file), "--ledger", s(&ledger)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 9];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is closed here, as `| head -1` closes it.
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first, b"recorded ");
    assert_eq!(
        stderr(&out),
        format!(
            "note: standard output was closed; the work went on to its end\n\
             300 recorded, 0 already present, 0 refused, 0 passed over; {} has 300 entries\n",
            ledger.display()
        )
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(tenures(&ledger), 300);
}

#[test]
fn an_import_whose_output_and_errors_share_a_closed_pipe_neither_stops_nor_panics() {
    let file = temp_path("three-hundred-2.txt");
    std::fs::write(&file, three_hundred_notices()).unwrap();
    let ledger = temp_path("closed-pipe-2.ledger");
    // Notes on standard error (an already recorded notice, one each) go
    // into the closed pipe too.
    let first = run(&["import", s(&file), "--ledger", s(&ledger)]);
    assert!(first.status.success());
    std::fs::write(
        &file,
        format!(
            "{}{}",
            three_hundred_notices(),
            std::fs::read_to_string(GAZETTE).unwrap()
        ),
    )
    .unwrap();
    let script = format!(
        "'{}' import '{}' --ledger '{}' 2>&1 | head -1; exit ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_appointments"),
        s(&file),
        s(&ledger)
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "note: 某政任〔2022〕1号 is already recorded (entry 1); skipped\n"
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(tenures(&ledger), 300 + 59);
}

#[test]
fn an_import_whose_output_fails_records_everything_and_exits_1() {
    let ledger = temp_path("full-disk.ledger");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(["import", GAZETTE, "--ledger", s(&ledger)])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(
        stderr(&out),
        format!(
            "error: standard output: No space left on device (os error 28); the report is incomplete, the work was done\n\
             2 recorded, 0 already present, 0 refused, 0 passed over; {} has 2 entries\n",
            ledger.display()
        )
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(tenures(&ledger), 59);
}
