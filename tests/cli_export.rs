//! `appointments export`, run as a user would.

mod cli_support;

use cli_support::{GAZETTE, Scratch, run, stderr, stdout, temp_path};

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
        "衣连斌,person/2,济南市槐荫区人民防空办公室,主任,2022-04-24,true,2022-05-23,concurrent,济槐政任〔2022〕4号 clause 2,济槐政任〔2022〕5号 clause 28"
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
    assert_eq!(popolo["memberships"][1]["end_date"], "2022-05-23");
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
