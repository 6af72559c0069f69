//! `appointments export`, run as a user would.

mod cli_support;

use cli_support::{GAZETTE, Scratch, mkfifo, run, stderr, stdout, temp_path};

use std::path::Path;

fn temp(name: &str) -> Scratch {
    temp_path(&format!("export-{name}"))
}

/// A ledger file holding notices 4 and 5.
fn imported(name: &str) -> Scratch {
    let path = temp(&format!("{name}.ledger"));
    let out = run(&["import", GAZETTE, "--ledger", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn csv_goes_to_standard_output() {
    let ledger = imported("csv");
    let out = run(&["export", "--format", "csv", "--ledger", s(&ledger)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 60);
    assert_eq!(
        rows[2],
        "衣连斌,person/2,post/2,济南市槐荫区人民防空办公室,organization/2,主任,2022-04-24,true,,,2022-05-23,concurrent,济槐政任〔2022〕4号,2,济槐政任〔2022〕5号,28"
    );
}

#[test]
fn csv_with_a_bom_for_excel() {
    let ledger = imported("csv-bom");
    let plain = run(&["export", "--format", "csv", "--ledger", s(&ledger)]);
    let out = run(&["export", "--format", "csv", "--bom", "--ledger", s(&ledger)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(out.stdout[3..], plain.stdout[..]);
    assert!(stdout(&plain).starts_with(
        "person,person_id,post_id,organisation,organisation_id,title,start,start_known,start_after,start_before,end_exclusive,tenure_flags,appointed_by_notice,appointed_by_clause,removed_by_notice,removed_by_clause\r\n"
    ));
    // To a file, the same bytes.
    let file = temp("bom.csv");
    let to_file = run(&[
        "export",
        "--format",
        "csv",
        "--bom",
        "--ledger",
        s(&ledger),
        "-o",
        s(&file),
    ]);
    assert!(to_file.status.success(), "{}", stderr(&to_file));
    assert_eq!(std::fs::read(&file).unwrap(), out.stdout);
    // A BOM is for the CSV only.
    let popolo = run(&[
        "export",
        "--format",
        "popolo",
        "--bom",
        "--ledger",
        s(&ledger),
    ]);
    assert_eq!(popolo.status.code(), Some(2));
    assert!(
        stderr(&popolo).starts_with("error: --bom is for --format csv\n"),
        "{}",
        stderr(&popolo)
    );
}

#[test]
fn popolo_goes_to_a_file() {
    let ledger = imported("popolo");
    let file = temp("popolo.json");
    let out = run(&[
        "export",
        "--format",
        "popolo",
        "--ledger",
        s(&ledger),
        "-o",
        s(&file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let popolo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(popolo["persons"].as_array().unwrap().len(), 46);
    assert_eq!(popolo["posts"].as_array().unwrap().len(), 41);
    assert_eq!(popolo["memberships"].as_array().unwrap().len(), 59);
    assert_eq!(popolo["memberships"][1]["end_date"], "2022-05-22");
    assert_eq!(popolo["memberships"][1]["end_exclusive"], "2022-05-23");
}

#[test]
fn svg_draws_the_posts_asked_for() {
    let ledger = imported("svg");
    let file = temp("timeline.svg");
    let out = run(&[
        "export",
        "--format",
        "svg",
        "--ledger",
        s(&ledger),
        "--post",
        "济南市槐荫区人民防空办公室主任",
        "--post",
        "济南市槐荫区园林绿化服务中心主任",
        "--from",
        "2022-04-01",
        "--to",
        "2022-07-01",
        "--output",
        s(&file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("<title>2 posts, 2022-04-01 to 2022-06-30</title>"));
    assert!(svg.contains(">衣连斌（兼）</text>"));
    assert!(svg.contains(">尹强</text>"));
    assert!(svg.ends_with("</svg>\n"));

    let out = run(&[
        "export",
        "--format",
        "svg",
        "--ledger",
        s(&ledger),
        "--person",
        "李宁",
        "--from",
        "2022-04-01",
        "--to",
        "2022-07-01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\">李宁</tspan>"));
}

#[test]
fn bad_requests_are_refused_with_status_2() {
    let ledger = imported("bad");
    let l = s(&ledger);
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "export",
                "--format",
                "svg",
                "--ledger",
                l,
                "--post",
                "济南市槐荫区人民防空办公室主任",
            ],
            "error: --format svg needs a date range: --from DATE --to DATE",
        ),
        (
            &[
                "export",
                "--format",
                "svg",
                "--ledger",
                l,
                "--from",
                "2022-04-01",
                "--to",
                "2022-07-01",
            ],
            "error: --format svg needs lanes: --post NAME… or --person NAME…",
        ),
        (
            &[
                "export",
                "--format",
                "svg",
                "--ledger",
                l,
                "--post",
                "某局局长",
                "--from",
                "2022-04-01",
                "--to",
                "2022-07-01",
            ],
            "error: unknown post `某局局长`",
        ),
        (
            &[
                "export",
                "--format",
                "svg",
                "--ledger",
                l,
                "--person",
                "李宁",
                "--from",
                "2022-07-01",
                "--to",
                "2022-04-01",
            ],
            "error: empty date range 2022-07-01..2022-04-01: the end must be after the start",
        ),
        (
            &[
                "export",
                "--format",
                "csv",
                "--ledger",
                l,
                "--post",
                "济南市槐荫区人民防空办公室主任",
            ],
            "error: --post, --person, --from and --to choose what --format svg draws",
        ),
    ];
    for (args, message) in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out).lines().next(), Some(message), "{args:?}");
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn a_missing_ledger_is_an_error() {
    let missing = temp("missing.ledger");
    let out = run(&["export", "--format", "csv", "--ledger", s(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no such ledger file"));
    assert!(!missing.exists());
}

/// The ledger's bytes, and what it answers, after a refused export.
fn unharmed(ledger: &Path, bytes: &[u8]) {
    assert_eq!(std::fs::read(ledger).unwrap(), bytes);
    let out = run(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-06-01",
        "--ledger",
        s(ledger),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_export_never_writes_over_a_ledger() {
    let ledger = imported("over-itself");
    let bytes = std::fs::read(&ledger).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.ledger");
    std::os::unix::fs::symlink(&*ledger, &link).unwrap();
    let hard = dir.path().join("hard.ledger");
    std::fs::hard_link(&*ledger, &hard).unwrap();
    let other = dir.path().join("other.ledger");
    std::fs::write(&other, &bytes).unwrap();
    let itself = "it is the ledger being exported; give the export another path";
    let cases = [
        (s(&ledger).to_owned(), itself),
        (s(&link).to_owned(), itself),
        (s(&hard).to_owned(), itself),
        (
            s(&other).to_owned(),
            "it is a ledger file, which an export never replaces",
        ),
    ];
    for (output, reason) in cases {
        for format in ["csv", "popolo"] {
            let out = run(&[
                "export",
                "--format",
                format,
                "--ledger",
                s(&ledger),
                "-o",
                &output,
            ]);
            assert_eq!(
                stderr(&out),
                format!("error: {output}: will not write there: {reason}\n")
            );
            assert_eq!(out.status.code(), Some(2));
        }
    }
    unharmed(&ledger, &bytes);
    assert_eq!(std::fs::read(&other).unwrap(), bytes);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}

#[test]
fn an_export_is_never_written_into_what_it_cannot_recreate() {
    let ledger = imported("not-a-file");
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    for (output, found) in [
        (s(dir.path()), "a directory"),
        (s(&fifo), "a FIFO"),
        ("/dev/null", "a device"),
    ] {
        let out = run(&[
            "export",
            "--format",
            "csv",
            "--ledger",
            s(&ledger),
            "-o",
            output,
        ]);
        assert_eq!(
            stderr(&out),
            format!("error: {output}: {found}, not a regular file\n")
        );
        assert_eq!(out.status.code(), Some(2));
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out.fifo"]);
}

#[test]
fn an_export_replaces_its_file_whole_by_a_rename() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let ledger = imported("rename");
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("tenures.csv");
    std::fs::write(&output, "old export\n").unwrap();
    std::fs::set_permissions(&output, std::fs::Permissions::from_mode(0o640)).unwrap();
    // A second name of the old file keeps the old text: the export is a
    // new file renamed into place, not the old one truncated and written.
    let old = dir.path().join("old.csv");
    std::fs::hard_link(&output, &old).unwrap();
    let out = run(&[
        "export",
        "--format",
        "csv",
        "--ledger",
        s(&ledger),
        "-o",
        s(&output),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = run(&["export", "--format", "csv", "--ledger", s(&ledger)]);
    assert_eq!(std::fs::read(&output).unwrap(), csv.stdout);
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "old export\n");
    let meta = std::fs::metadata(&output).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o640);
    assert_eq!(meta.nlink(), 1);
    // No temporary file is left beside it.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["old.csv", "tenures.csv"]);
}
