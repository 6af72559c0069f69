//! The `appointments` command, run as a user would.

mod cli_support;

use cli_support::{GAZETTE, Scratch, run, stderr, stdout, temp_path};
use std::path::Path;

fn temp_ledger(name: &str) -> Scratch {
    temp_path(&format!("{name}.ledger"))
}

#[test]
fn parse_prints_61_events_as_tsv() {
    let out = run(&["parse", GAZETTE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "notice\teffective_date\tkind\tperson\tpost\tflags\tdate_source\tline"
    );
    assert_eq!(lines.len(), 1 + 61);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("济槐政任〔2022〕4号\t"))
            .count(),
        6
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("\tappoint\t")).count(),
        28
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("\tremove\t")).count(),
        33
    );
    assert_eq!(
        lines[1],
        "济槐政任〔2022〕4号\t2022-04-24\tappoint\t刘晓菡\t济南市槐荫区民营经济发展局局长\tconcurrent\tsigned\t616"
    );
    // The six columns scripts read, then where the date came from.
    let six = |l: &&str| l.splitn(7, '\t').take(6).collect::<Vec<_>>().join("\t");
    let rows: Vec<String> = lines.iter().map(six).collect();
    for row in [
        "济槐政任〔2022〕5号\t2022-05-23\tremove\t刘凤翔\t济南市槐荫区人民政府段店北路街道办事处主任\tretain_rank",
        "济槐政任〔2022〕5号\t2022-05-23\tremove\t管理\t济南市槐荫区人民政府西市场街道办事处主任\t",
        "济槐政任〔2022〕5号\t2022-05-23\tremove\t陈建防\t济南槐荫城市建设投资集团有限公司总经理\t",
    ] {
        assert!(rows.iter().any(|r| r == row), "{row}");
    }
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.split('\t').nth(6) == Some("signed"))
    );
}

#[test]
fn parse_json_holds_the_notices() {
    let out = run(&["parse", "--json", GAZETTE]);
    assert!(out.status.success());
    let notices: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(notices.as_array().unwrap().len(), 2);
    assert_eq!(notices[1]["number"], "济槐政任〔2022〕5号");
    assert_eq!(notices[1]["events"].as_array().unwrap().len(), 55);
    assert_eq!(
        notices[0]["events"][0]["flags"],
        serde_json::json!(["concurrent"])
    );
}

#[test]
fn import_then_ask() {
    let ledger = temp_ledger("ask");
    let l = ledger.to_str().unwrap();
    let out = run(&["import", GAZETTE, "--ledger", l]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The report on stdout, the summary on stderr with the problems.
    assert!(
        stdout(&out).starts_with(
            "recorded 济槐政任〔2022〕4号 as entry 1 (6 events)
recorded 济槐政任〔2022〕5号 as entry 2 (55 events)
"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        stderr(&out),
        format!("2 recorded, 0 already present, 0 refused, 0 passed over; {l} has 2 entries\n")
    );
    // Importing again records nothing twice.
    let again = run(&["import", GAZETTE, "--ledger", l]);
    assert!(again.status.success());
    assert_eq!(stdout(&again), "");
    assert_eq!(
        stderr(&again),
        format!(
            "note: 济槐政任〔2022〕4号 is already recorded (entry 1); skipped\n\
             note: 济槐政任〔2022〕5号 is already recorded (entry 2); skipped\n\
             0 recorded, 2 already present, 0 refused, 0 passed over; {l} has 2 entries\n"
        )
    );

    let who = run(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-06-01",
        "--ledger",
        l,
    ]);
    assert_eq!(
        stdout(&who),
        "济南市槐荫区人民防空办公室主任 on 2022-06-01: held by 陈建防, since 2022-05-23\n\
         person  post                            start       end   flags  appointed by                  removed by\n\
         陈建防  济南市槐荫区人民防空办公室主任  2022-05-23  open  -      济槐政任〔2022〕5号 clause 4  -\n"
    );
    let unknown = run(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-04-01",
        "--ledger",
        l,
    ]);
    assert_eq!(
        stdout(&unknown),
        "济南市槐荫区人民防空办公室主任 on 2022-04-01: unknown (the ledger records nothing of this post on that day)\n"
    );
    let json = run(&[
        "who",
        "济南市槐荫区人民政府五里沟街道办事处主任",
        "--on",
        "2022-06-01",
        "--ledger",
        l,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["holding"]["kind"], "vacant");
    assert_eq!(v["holding"]["since"], "2022-05-23");
    assert_eq!(v["holding"]["tenures"][0]["person"]["name"], "李福新");

    let posts = run(&[
        "posts",
        "李 宁",
        "--on",
        "2022-05-01",
        "--ledger",
        l,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&posts.stdout).unwrap();
    assert_eq!(v["person"], serde_json::json!({"name": "李宁"}));
    assert_eq!(v["date"], "2022-05-01");
    assert_eq!(
        v["tenures"][0]["post"]["organisation"],
        "济南市槐荫区人力资源和社会保障局"
    );
    assert_eq!(v["tenures"][0]["post"]["title"], "副局长");

    let history = run(&["history", "--person", "陈建防", "--ledger", l]);
    assert_eq!(stdout(&history).lines().count(), 4);
    std::fs::remove_file(&ledger).unwrap();
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let ledger = temp_ledger("bad");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let out = run(&["who", "不存在的岗位", "--on", "2022-05-01", "--ledger", l]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: unknown post `不存在的岗位`\n");
    let out = run(&["who", "x", "--on", "2022-02-30", "--ledger", l]);
    assert_eq!(out.status.code(), Some(2));
    let missing = run(&["parse", "/nonexistent/notices.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("error: /nonexistent/notices.txt: "));
    std::fs::remove_file(&ledger).unwrap();
}

#[test]
fn a_strict_parse_names_file_line_and_clause() {
    let dir = std::env::temp_dir().join(format!("appointments-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.txt");
    std::fs::write(
        &file,
        "某县人民政府关于任免张三等同志职务的通知\n某政任〔2023〕3号\n县政府决定：\n任命张三为某县财政局局长；\n王五为；\n某县人民政府\n2023年3月1日\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let strict = run(&["parse", "--strict", f]);
    assert_eq!(strict.status.code(), Some(2));
    assert_eq!(
        stderr(&strict),
        format!("error: {f}: line 5: clause `王五为`: no post after 为\n")
    );
    let lenient = run(&["parse", f]);
    assert!(lenient.status.success());
    assert_eq!(stdout(&lenient).lines().count(), 2);
    assert_eq!(
        stderr(&lenient),
        format!("warning: {f}: line 5: clause `王五为`: no post after 为\n")
    );
    let ledger = temp_ledger("partial");
    let l = ledger.to_str().unwrap();
    let refused = run(&["import", f, "--ledger", l]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        stderr(&refused),
        format!(
            "error: {f}: line 5: clause `王五为`: no post after 为\n\
             error: {f}: line 2: notice 某政任〔2023〕3号 refused: 1 clause not understood (--allow-partial records the rest)\n\
             0 recorded, 0 already present, 1 refused, 0 passed over; {l} not created\n"
        )
    );
    assert!(
        !ledger.exists(),
        "an import with nothing to record creates no ledger"
    );
    let partial = run(&["import", f, "--ledger", l, "--allow-partial"]);
    assert!(partial.status.success());
    assert_eq!(
        stderr(&partial),
        format!(
            "warning: {f}: line 5: clause `王五为`: no post after 为\n\
             1 recorded, 0 already present, 0 refused, 0 passed over; {l} has 1 entry\n"
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_file(&ledger).unwrap();
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in [
        "parse",
        "import",
        "who",
        "posts",
        "history",
        "conflicts",
        "alias",
        "chains",
        "graph",
        "index",
        "search",
        "show",
    ] {
        let out = run(&[sub, "--help"]);
        assert!(out.status.success());
        assert!(stdout(&out).contains("Example:"), "{sub}");
    }
}

const NOTICE_6: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/huaiyin-notice-6-conflicts.txt"
);

#[test]
fn conflicts_alias_chains_and_graph() {
    let ledger = temp_ledger("conflicts");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());

    let found = run(&["conflicts", "--ledger", l]);
    assert!(found.status.success());
    let text = stdout(&found);
    assert!(text.starts_with("suggestion: probable alias: 济南市槐荫区人民医院 and 济南市槐荫人民医院 differ only by 「区」"), "{text}");
    assert_eq!(text.lines().count(), 3, "the finding and its two clauses");

    // Strict import refuses the third notice and records nothing of it.
    let strict = run(&["import", "--strict", NOTICE_6, "--ledger", l]);
    assert_eq!(strict.status.code(), Some(2));
    // Named by the file and line the notice was read from.
    assert!(
        stderr(&strict).starts_with(&format!(
            "error: {NOTICE_6}: line 3: notice 济槐政任〔2022〕6号 refused in strict mode, it would add 5 error finding(s):"
        )),
        "{}",
        stderr(&strict)
    );
    let json = run(&["conflicts", "--ledger", l, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);

    // By default it is recorded, with its findings.
    let import = run(&["import", NOTICE_6, "--ledger", l]);
    assert!(import.status.success());
    assert_eq!(
        stdout(&import)
            .lines()
            .filter(|l| l.starts_with("  error: "))
            .count(),
        5
    );
    let six = run(&[
        "conflicts",
        "--notice",
        "济槐政任〔2022〕6号",
        "--ledger",
        l,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&six.stdout).unwrap();
    let kinds: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "seat_not_vacated",
            "already_holding",
            "second_principal_post",
            "repeated_event",
            "removing_non_holder",
            "ends_before_start"
        ]
    );

    let alias = run(&[
        "alias",
        "济南市槐荫人民医院",
        "济南市槐荫区人民医院",
        "--ledger",
        l,
    ]);
    assert_eq!(
        stdout(&alias),
        "recorded as entry 4: 济南市槐荫人民医院 is 济南市槐荫区人民医院\n"
    );
    let history = run(&["history", "济南市槐荫人民医院院长", "--ledger", l, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let names: Vec<&str> = v["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["person"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(v["rescinded"], serde_json::json!([]));
    // 赵中华's removal dated before his appointment (the planted error)
    // leaves a tenure of unknown start ending 2022-05-01, first in order.
    assert_eq!(names, ["赵中华", "李忠华", "赵中华"]);

    let chains = run(&["chains", "--notice", "济槐政任〔2022〕5号", "--ledger", l]);
    let text = stdout(&chains);
    assert!(
        text.starts_with("济槐政任〔2022〕5号: 31 chains (opened by 25 exits, 1 move on, 0 known vacant, 5 unknown whether vacant; ended by 14 entries from outside, 16 left open, 1 joining another); 22 moves\n"),
        "{text}"
    );
    assert!(text.contains("  王东 leaves → 济南市槐荫区新旧动能转换综合试验区建设办公室主任 ← 王左裔, leaving 济南市槐荫区市政工程服务中心主任 ← 赵海明 (from outside)\n"));

    let graph = run(&["graph", "--person", "王左裔", "--ledger", l]);
    assert!(stdout(&graph).starts_with("digraph {\n    0 [ label = \"王左裔\" ]\n"));
    std::fs::remove_file(&ledger).unwrap();
}

const CORRECTIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/huaiyin-corrections-2022.txt"
);

#[test]
fn corrections_and_the_second_time_axis() {
    let ledger = temp_ledger("corrections");
    let l = ledger.to_str().unwrap();
    let import = run(&["import", GAZETTE, CORRECTIONS, "--ledger", l]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(
        stdout(&import)
            .contains("recorded 济槐政任〔2022〕9号 as entry 4 (a correction, 1 amendment)\n")
    );

    let now = run(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-06-01",
        "--ledger",
        l,
    ]);
    assert!(stdout(&now).starts_with(
        "济南市槐荫区人民防空办公室主任 on 2022-06-01: vacant since 2022-05-23 (衣连斌 removed)\n"
    ));
    let then = run(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-06-01",
        "--known-after",
        "济槐政任〔2022〕5号",
        "--ledger",
        l,
    ]);
    assert!(stdout(&then).starts_with(
        "济南市槐荫区人民防空办公室主任 on 2022-06-01: held by 陈建防, since 2022-05-23\n"
    ));
    assert!(stdout(&then).contains("陈建防"));

    let career = run(&["history", "--person", "赵中华", "--ledger", l]);
    let text = stdout(&career);
    assert!(
        text.lines().next().unwrap().ends_with("corrected by"),
        "{text}"
    );
    assert!(text.contains("济南市槐荫区人民医院副院长"));
    assert!(text.trim_end().ends_with("济槐政任〔2022〕8号 clause 1"));

    let retract = run(&[
        "retract",
        "济槐政任〔2022〕4号",
        "--clause",
        "1",
        "--by",
        "济槐政任〔2022〕10号",
        "--date",
        "2022-07-01",
        "--ledger",
        l,
    ]);
    assert_eq!(
        stdout(&retract),
        "recorded 济槐政任〔2022〕10号 as entry 5\n"
    );
    let who = run(&[
        "who",
        "济南市槐荫区民营经济发展局局长",
        "--on",
        "2022-06-01",
        "--ledger",
        l,
    ]);
    assert!(
        stdout(&who).ends_with(": unknown (the ledger records nothing of this post on that day)\n")
    );

    let correct = run(&[
        "correct",
        "济槐政任〔2022〕4号",
        "--clause",
        "3",
        "--to-post",
        "济南市槐荫区城市管理局局长",
        "--flags",
        "",
        "--by",
        "济槐政任〔2022〕11号",
        "--date",
        "2022-07-01",
        "--ledger",
        l,
    ]);
    assert!(correct.status.success(), "{}", stderr(&correct));
    let posts = run(&[
        "posts",
        "尹强",
        "--on",
        "2022-06-01",
        "--ledger",
        l,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&posts.stdout).unwrap();
    assert_eq!(
        v["tenures"][0]["post"]["organisation"],
        "济南市槐荫区城市管理局"
    );
    assert_eq!(v["tenures"][0]["flags"], serde_json::json!([]));

    let bad = run(&[
        "retract",
        "济槐政任〔2022〕3号",
        "--by",
        "济槐政任〔2022〕12号",
        "--date",
        "2022-07-01",
        "--ledger",
        l,
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad),
        "error: notice 济槐政任〔2022〕12号: clause 1: corrects 济槐政任〔2022〕3号, which is not recorded\n"
    );
    std::fs::remove_file(&ledger).unwrap();
}

/// A notice given twice in one run is recorded once; the second copy is
/// already recorded, as in a second run, and no refusal.
#[test]
fn a_notice_given_twice_in_one_run_is_already_recorded_the_second_time() {
    let ledger = temp_ledger("twice");
    let l = ledger.to_str().unwrap();
    let out = run(&["import", GAZETTE, GAZETTE, "--ledger", l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "recorded 济槐政任〔2022〕4号 as entry 1 (6 events)\n\
         recorded 济槐政任〔2022〕5号 as entry 2 (55 events)\n\
         \x20 suggestion: probable alias: 济南市槐荫区人民医院 and 济南市槐荫人民医院 differ only by 「区」: probably one organisation (written so in 济槐政任〔2022〕5号 clause 7 and 济槐政任〔2022〕5号 clause 36); declare them one with an alias if so\n"
    );
    assert_eq!(
        stderr(&out),
        format!(
            "note: 济槐政任〔2022〕4号 is already recorded (entry 1); skipped\n\
             note: 济槐政任〔2022〕5号 is already recorded (entry 2); skipped\n\
             2 recorded, 2 already present, 0 refused, 0 passed over; {l} has 2 entries\n"
        )
    );
}

#[test]
fn a_strict_import_records_the_notices_it_can_and_exits_2() {
    let ledger = temp_ledger("strict-some");
    let l = ledger.to_str().unwrap();
    let out = run(&["import", "--strict", GAZETTE, NOTICE_6, "--ledger", l]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.starts_with(&format!(
            "error: {NOTICE_6}: line 3: notice 济槐政任〔2022〕6号 refused in strict mode"
        )),
        "{said}"
    );
    assert!(said.ends_with(&format!(
        "\n2 recorded, 0 already present, 1 refused, 0 passed over; {l} has 2 entries\n"
    )));
    std::fs::remove_file(&ledger).unwrap();
}

#[test]
fn an_import_records_in_the_order_written() {
    let dir = std::env::temp_dir().join(format!("appointments-cli-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("seq.txt");
    std::fs::write(
        &file,
        "某县人民政府关于任命张三同志职务的通知\n某政任〔2022〕6号\n任命张三为某县财政局局长。\n某县人民政府\n2022年6月1日\n\n\
         某县人民政府关于撤销某政任〔2022〕6号文件的通知\n某政任〔2022〕7号\n经研究，决定撤销某政任〔2022〕6号文件。\n某县人民政府\n2022年6月10日\n\n\
         某县人民政府关于任命李四同志职务的通知\n某政任〔2022〕8号\n任命李四为某县财政局局长。\n某县人民政府\n2022年6月20日\n",
    )
    .unwrap();
    let ledger = temp_ledger("order");
    let l = ledger.to_str().unwrap();
    let out = run(&["import", "--strict", file.to_str().unwrap(), "--ledger", l]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.split(" as entry").next().unwrap())
        .collect();
    assert_eq!(
        lines[..3],
        [
            "recorded 某政任〔2022〕6号",
            "recorded 某政任〔2022〕7号",
            "recorded 某政任〔2022〕8号"
        ]
    );
    let who = run(&[
        "who",
        "某县财政局局长",
        "--on",
        "2022-06-25",
        "--known-after",
        "某政任〔2022〕8号",
        "--ledger",
        l,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&who.stdout).unwrap();
    assert_eq!(v["holding"]["kind"], "held");
    let held = v["holding"]["tenures"].as_array().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["person"]["name"], "李四");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_file(&ledger).unwrap();
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // Forty copies of the gazette print some 200 kB, more than a pipe
    // holds: the command is still writing when the reader goes away.
    let text = std::fs::read_to_string(GAZETTE).unwrap().repeat(40);
    let file = temp_path("forty-gazettes.txt");
    std::fs::write(&file, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_appointments"))
        .arg("parse")
        .arg(&*file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is closed here, as `| head` closes it.
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first, b"notice\teffective");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

/// A real text from the corpus, without its source line, in a file of its
/// own.
fn real_text(name: &str) -> Scratch {
    let all = std::fs::read_to_string(format!(
        "{}/tests/data/real/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let path = temp_path(&format!("{name}.txt"));
    std::fs::write(&path, all.split_once('\n').unwrap().1).unwrap();
    path
}

#[test]
fn a_news_report_without_a_date_is_reported_and_dated_on_request() {
    let text = real_text("a04_sc_deputy_secgen_szsranl");
    let file = text.to_str().unwrap();
    let out = run(&["parse", file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(
        lines[1],
        "一年来7位国务院副秘书长到任70后副省长进京履新\t?\tappoint\t林涛\t国务院副秘书长\t\tnone\t3"
    );
    assert!(stderr(&out).contains(&format!(
        "warning: {file}: line 3: the text gives the decision no date ("
    )));
    let dated = run(&["parse", "--date", "2024-09-06", file]);
    let lines: Vec<String> = stdout(&dated).lines().map(str::to_owned).collect();
    assert_eq!(
        lines[2],
        "一年来7位国务院副秘书长到任70后副省长进京履新（2024-09-06）\t2024-09-06\tremove\t郭玮\t国务院副秘书长\t\tsupplied\t3"
    );
    assert!(!stderr(&dated).contains("no date"));
}

#[test]
fn a_text_with_no_appointment_says_so() {
    let text = real_text("a03_sc_1958_proposal_trad_nearmiss");
    let file = text.to_str().unwrap();
    let out = run(&["parse", file]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(
        stderr(&out).contains(&format!(
            "warning: no appointment or removal found in {file}"
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_whole_record_the_replay_refuses_exits_1_naming_file_record_and_offset() {
    use appointment_ledger::{
        Change, Entry, FileStore, LogAppend, NaiveDate, Notice, Person, Post,
    };
    let ledger = temp_ledger("meaning");
    let l = ledger.to_str().unwrap();
    let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    let notice = Notice::new("济槐政任〔2022〕4号", day)
        .appoint(Person::new("衣连斌"), Post::new("某局", "局长"));
    // The same notice twice, both records checksummed: written past the
    // ledger's rules, as damage to what the log means would leave it.
    let mut store = FileStore::open(&*ledger).unwrap();
    let mut second = 0;
    for seq in 1..=2 {
        second = std::fs::metadata(&*ledger).unwrap().len();
        let change = Change::Notice(notice.clone());
        let entry = Entry {
            seq,
            recorded_at: None,
            change,
        };
        store.append(&entry).unwrap();
    }
    drop(store);
    for args in [
        vec!["who", "某局局长", "--on", "2022-06-01", "--ledger", l],
        vec!["import", GAZETTE, "--ledger", l],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!(
                "error: {l}: corrupt ledger at record 2 (byte {second}), notice 济槐政任〔2022〕4号: the record is whole but cannot be replayed: notice 济槐政任〔2022〕4号 is already recorded (as entry 1)\n"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn a_reader_says_what_torn_tail_it_skipped() {
    let ledger = temp_ledger("torn-reader");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let whole = std::fs::metadata(&*ledger).unwrap().len();
    // What a power cut mid-append leaves: zeros where a record was going.
    let mut bytes = std::fs::read(&*ledger).unwrap();
    bytes.extend_from_slice(&[0; 100]);
    std::fs::write(&*ledger, &bytes).unwrap();
    let out = run(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-06-01",
        "--ledger",
        l,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "note: skipped a torn record at byte {whole} (100 bytes: zero bytes where a record was being written)\n"
        )
    );
    assert_eq!(
        std::fs::read(&*ledger).unwrap(),
        bytes,
        "a reader writes nothing"
    );
}

/// `import` leaves an index beside the ledger and questions read it; an
/// index the ledger has outgrown is read past its end: a question the
/// notices since do not touch is still the index's, one they touch comes
/// from a replay (the same answer as the ledger's), said, and a fresh index
/// is written for the next question.
#[test]
fn questions_read_the_index_past_its_end_and_replay_what_it_touches() {
    let ledger = temp_ledger("index");
    let l = ledger.to_str().unwrap();
    let index = format!("{l}.index");
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    assert!(Path::new(&index).exists());
    let who = |on: &str| {
        run(&[
            "who",
            "济南市槐荫区人民防空办公室主任",
            "--on",
            on,
            "--ledger",
            l,
        ])
    };
    let fresh = who("2022-06-01");
    assert_eq!(stderr(&fresh), "");
    let answer = stdout(&fresh);
    assert!(
        answer.starts_with(
            "济南市槐荫区人民防空办公室主任 on 2022-06-01: held by 陈建防, since 2022-05-23\n"
        ),
        "{answer}"
    );

    // The index of two entries, kept aside while a third is recorded.
    let old = std::fs::read(&index).unwrap();
    assert!(run(&["import", NOTICE_6, "--ledger", l]).status.success());
    std::fs::write(&index, &old).unwrap();
    let stale = who("2022-06-01");
    assert_eq!(
        (stderr(&stale), stdout(&stale)),
        (String::new(), answer.clone())
    );
    assert_eq!(
        std::fs::read(&index).unwrap(),
        old,
        "no replay, no new index"
    );
    // A post the notice since names: the replay's answer, said, and the
    // index written again from it.
    let post = "济南市槐荫区退役军人事务局局长";
    let ask = || run(&["who", post, "--on", "2022-06-10", "--ledger", l]);
    let replayed = ask();
    assert!(replayed.status.success());
    assert_eq!(
        stderr(&replayed),
        "note: 1 entry recorded past the index touched the question; answered from a replay, and the index written again\n"
    );
    let held = stdout(&replayed);
    assert!(
        held.starts_with(&format!(
            "{post} on 2022-06-10: held by 孙小兵, since 2022-05-01\n"
        )),
        "{held}"
    );
    // The next question reads the index the replay wrote.
    assert_ne!(std::fs::read(&index).unwrap(), old);
    let again = ask();
    assert_eq!((stderr(&again), stdout(&again)), (String::new(), held));
}

/// Dates in the forms people type, `today` as the default day, the ledger
/// from `APPOINTMENTS_LEDGER`, and an impossible day said in its own words.
#[test]
fn dates_as_typed_today_by_default_and_the_ledger_from_the_environment() {
    let ledger = temp_ledger("typed-dates");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let post = "济南市槐荫区人民防空办公室主任";
    let want = stdout(&run(&["who", post, "--on", "2022-05-01", "--ledger", l]));
    for typed in ["2022-5-1", "2022/5/1", "20220501", "2022年5月1日"] {
        let out = run(&["who", post, "--on", typed, "--ledger", l]);
        assert_eq!(stdout(&out), want, "{typed}");
    }
    // The environment names the ledger; `--on` defaults to today.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(["who", post])
        .env("APPOINTMENTS_LEDGER", l)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let today = chrono::Local::now().date_naive();
    assert!(
        stdout(&out).starts_with(&format!(
            "{post} on {today}: held by 陈建防, since 2022-05-23\n"
        )),
        "{}",
        stdout(&out)
    );
    let out = run(&["who", post, "--on", "2023-02-29", "--ledger", l]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: invalid value '2023-02-29' for '--on <ON>': `2023-02-29` is no day: February 2023 has 28 days\n"
        ),
        "{}",
        stderr(&out)
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(["who", post])
        .env_remove("APPOINTMENTS_LEDGER")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--ledger <PATH>"), "{}", stderr(&out));
}

/// A long import shows a progress bar on a terminal (run here under
/// `script`, which gives the command one), and none when stderr is piped.
#[test]
fn a_long_import_shows_progress_on_a_terminal_only() {
    let notices = appointment_ledger::Synthetic::new(3).events(3_000).to_vec();
    assert_eq!(notices.len(), 117, "enough notices for a bar (100 or more)");
    let text = temp_path("progress.txt");
    std::fs::write(&*text, appointment_ledger::render(&notices)).unwrap();
    let piped = temp_ledger("progress-piped");
    let out = run(&[
        "import",
        text.to_str().unwrap(),
        "--ledger",
        piped.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("notices recorded"),
        "{}",
        stderr(&out)
    );

    let on_terminal = temp_ledger("progress-terminal");
    let command = format!(
        "{} import {} --ledger {}",
        env!("CARGO_BIN_EXE_appointments"),
        text.display(),
        on_terminal.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script(1) runs (util-linux)");
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains(&format!("/{} notices recorded", notices.len())),
        "{shown}"
    );
    // The report's lines go through the bar: each begins a line of its
    // own once the bar is cleared, none is drawn into the bar's line.
    let reported: Vec<&str> = shown
        .split('\n')
        .filter(|line| line.contains(" as entry "))
        .map(|line| {
            // What the terminal shows of the line: what follows the last
            // escape sequence (the bar's clearing and cursor moves).
            let last = line
                .trim_end_matches('\r')
                .rsplit("\x1b[")
                .next()
                .unwrap_or(line);
            last.trim_start_matches(|c: char| c.is_ascii_digit())
                .get(1..)
                .unwrap_or(last)
        })
        .collect();
    assert_eq!(reported.len(), notices.len(), "{shown:?}");
    for line in reported {
        assert!(line.starts_with("recorded "), "{line:?}");
        assert!(!line.contains("notices recorded"), "{line:?}");
    }
}

/// `appointments index` writes the index again and `--check` checks it:
/// whole and of this ledger, or exit 1 naming what is wrong.
#[test]
fn the_index_subcommand_writes_and_checks() {
    let ledger = temp_ledger("index-sub");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let index = format!("{l}.index");
    std::fs::remove_file(&index).unwrap();
    let out = run(&["index", "--ledger", l]);
    assert_eq!(stdout(&out), format!("{index}: written (2 entries)\n"));
    let out = run(&["index", "--check", "--ledger", l]);
    assert_eq!(
        stdout(&out),
        format!("{index}: covers the 2 entries of the ledger; whole\n")
    );
    let mut bytes = std::fs::read(&index).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&index, &bytes).unwrap();
    let out = run(&["index", "--check", "--ledger", l]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).ends_with("the contents are damaged (checksum mismatch)\n"),
        "{}",
        stderr(&out)
    );
}

/// `history` answers from the index when no correction rescinded anything,
/// and says exactly what the replay says.
#[test]
fn history_from_the_index_is_the_replays() {
    let ledger = temp_ledger("history-index");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let ask = |args: &[&str]| {
        let mut all = vec!["history"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--ledger", l]);
        let out = run(&all);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let questions: [&[&str]; 4] = [
        &["济南市槐荫区人民防空办公室主任"],
        &["--person", "衣连斌"],
        &["济南市槐荫区人民防空办公室主任", "--json"],
        &["--person", "衣连斌", "--json"],
    ];
    let indexed: Vec<String> = questions.iter().map(|q| ask(q)).collect();
    // Without the index each is answered from a replay.
    std::fs::remove_file(format!("{l}.index")).unwrap();
    for (q, want) in questions.iter().zip(&indexed) {
        assert_eq!(&ask(q), want, "{q:?}");
    }
    assert!(indexed[0].contains("衣连斌"), "{}", indexed[0]);
}

/// `search` lists posts, people and notices by a part of their name, with
/// their ids and tenure counts, however the part is typed: a run of the
/// name, its characters in order (`人防`), white space, either width of
/// brackets, traditional script (issue 16).
#[test]
fn search_finds_posts_people_and_notices_by_a_part_of_their_name() {
    let ledger = temp_ledger("search");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let search = |args: &[&str]| {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--ledger", l]);
        let out = run(&all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        (stdout(&out), stderr(&out))
    };
    let office = "kind  id  name                            count\n\
                  post  1   济南市槐荫区人民防空办公室主任  2 tenures\n";
    for part in ["人防", "人民防空办公室", "人民 防空", "人民防空辦公室"] {
        assert_eq!(
            search(&[part]),
            (office.to_owned(), String::new()),
            "{part}"
        );
    }
    // A post with a second name answers to either, brackets of either
    // width.
    let hotline = "kind  id  name                                                                 count\n\
                   post  7   济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）主任  1 tenure\n";
    for part in [
        "济南市槐荫区大数据中心主任",
        "12345市民服务热线运行中心(济南市槐荫区大数据中心)",
    ] {
        assert_eq!(search(&[part]).0, hotline, "{part}");
    }
    assert_eq!(
        search(&["陈建"]).0,
        "kind    id  name    count\n\
         person  8   陈建防  3 tenures\n"
    );
    assert_eq!(
        search(&["[2022]4"]).0,
        "kind    id       name                                                                        count\n\
         notice  entry 1  济槐政任〔2022〕4号 济南市槐荫区人民政府关于任命刘晓菡等工作人员职务的通知  6 events\n"
    );
    // One kind only; every notice when no part is given.
    assert_eq!(
        search(&["陈建", "--kind", "post"]).0,
        "nothing in the ledger matches `陈建`\n"
    );
    let (notices, _) = search(&["--kind", "notice"]);
    assert_eq!(notices.lines().count(), 3, "{notices}");
    // JSON: one object a thing found, tagged with its kind.
    let (json, _) = search(&["人防", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{
            "kind": "post",
            "id": 1,
            "post": {"organisation": "济南市槐荫区人民防空办公室", "title": "主任"},
            "tenure_count": 2
        }])
    );
    // Nothing matches: the closest names, on stderr.
    assert_eq!(
        search(&["济南市槐荫区人民防空办公室主仼"]),
        (
            "nothing in the ledger matches `济南市槐荫区人民防空办公室主仼`\n".to_owned(),
            "did you mean 济南市槐荫区人民防空办公室主任?\n".to_owned()
        )
    );
    // Several, in the one wording the errors use too (`A, B or C`).
    assert_eq!(
        search(&["李仿"]),
        (
            "nothing in the ledger matches `李仿`\n".to_owned(),
            "did you mean 李宁 or 李建?\n".to_owned()
        )
    );
}

/// A post or person that matches nothing is refused with the closest
/// names ("did you mean …"), whether the question read the index or
/// replayed the ledger (issue 16).
#[test]
fn a_name_that_matches_nothing_gets_suggestions() {
    let ledger = temp_ledger("suggestions");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let refused = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--ledger", l]);
        let out = run(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        stderr(&out)
    };
    let typo = "error: unknown post `济南市槐荫区人民防空办公室主仼`; did you mean 济南市槐荫区人民防空办公室主任?\n";
    let gardens = "error: unknown post `济南市槐荫区园林绿化中心主任`; did you mean 济南市槐荫区园林绿化服务中心主任 or 济南市槐荫区园林绿化服务中心副主任?\n";
    let person = "error: unknown person `陈建`; did you mean 陈建防, 陈岚 or 李建?\n";
    let questions: [(&[&str], &str); 6] = [
        (
            &[
                "who",
                "济南市槐荫区人民防空办公室主仼",
                "--on",
                "2022-05-01",
            ],
            typo,
        ),
        (
            &[
                "who",
                "济南市槐荫区人民防空办公室主仼",
                "--known-after",
                "济槐政任〔2022〕5号",
            ],
            typo,
        ),
        (&["history", "济南市槐荫区园林绿化中心主任"], gardens),
        (&["posts", "陈建", "--on", "2022-06-01"], person),
        (&["history", "--person", "陈建"], person),
        (&["graph", "--person", "陈建"], person),
    ];
    for (args, want) in questions {
        assert_eq!(refused(args), want, "{args:?}");
    }
    // From a replay (no index) the same.
    std::fs::remove_file(format!("{l}.index")).unwrap();
    assert_eq!(
        refused(&["history", "济南市槐荫区园林绿化中心主任"]),
        gardens
    );
    // A name far from every name the ledger holds has none.
    assert_eq!(
        refused(&["who", "某县财政局局长", "--on", "2022-05-01"]),
        "error: unknown post `某县财政局局长`\n"
    );
}

/// `show NOTICE`: what one notice did — its events, the findings citing
/// it, the corrections naming it and its vacancy chains — and a
/// correction's number shows what it amends (issue 16).
#[test]
fn show_says_what_a_notice_did() {
    let ledger = temp_ledger("show");
    let l = ledger.to_str().unwrap();
    assert!(
        run(&["import", GAZETTE, CORRECTIONS, "--ledger", l])
            .status
            .success()
    );
    let show = |args: &[&str]| {
        let mut all = vec!["show"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--ledger", l]);
        run(&all)
    };
    let out = show(&["济槐政任[2022]4号"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "济槐政任〔2022〕4号  济南市槐荫区人民政府关于任命刘晓菡等工作人员职务的通知\n\
         \x20 issued by 济南市槐荫区人民政府, signed 2022-04-24, effective 2022-04-24, entry 1, 6 events\n\
         \n\
         clause  kind     person  post                                flags\n\
         1       appoint  刘晓菡  济南市槐荫区民营经济发展局局长      concurrent\n\
         2       appoint  衣连斌  济南市槐荫区人民防空办公室主任      concurrent\n\
         3       appoint  尹强    济南市槐荫区综合行政执法局局长      concurrent\n\
         4       appoint  岳仁强  济南市槐荫区新闻出版局局长          concurrent\n\
         4       appoint  岳仁强  济南市槐荫区文物局局长              concurrent\n\
         5       appoint  张杰    济南市槐荫区政务服务管理办公室主任  concurrent\n\
         \n\
         findings: 0\n\
         corrections naming it: 0\n\
         vacancy chains: 6 chains (opened by 0 exits, 0 moves on, 0 known vacant, 6 unknown whether vacant; ended by 6 entries from outside, 0 left open, 0 joining another); 6 moves\n\
         \x20 unknown whether vacant → 济南市槐荫区民营经济发展局局长 ← 刘晓菡 (from outside)\n\
         \x20 unknown whether vacant → 济南市槐荫区人民防空办公室主任 ← 衣连斌 (from outside)\n\
         \x20 unknown whether vacant → 济南市槐荫区综合行政执法局局长 ← 尹强 (from outside)\n\
         \x20 unknown whether vacant → 济南市槐荫区新闻出版局局长 ← 岳仁强 (from outside)\n\
         \x20 unknown whether vacant → 济南市槐荫区文物局局长 ← 岳仁强 (from outside)\n\
         \x20 unknown whether vacant → 济南市槐荫区政务服务管理办公室主任 ← 张杰 (from outside)\n"
    );
    let five = stdout(&show(&["济槐政任〔2022〕5号"]));
    let corrections = five
        .lines()
        .skip_while(|l| !l.starts_with("corrections naming it"))
        .take(4)
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        corrections,
        "corrections naming it: 2\n\
         \x20 济槐政任〔2022〕8号 (entry 3, signed 2022-06-20): corrects the appointments of 赵中华 at 济南市槐荫区人民医院院长: post 济南市槐荫区人民医院副院长\n\
         \x20 济槐政任〔2022〕8号 (entry 3, signed 2022-06-20): corrects the events of 李宁: effective 2022-05-20\n\
         \x20 济槐政任〔2022〕9号 (entry 4, signed 2022-06-25): rescinds the appointments of 陈建防 at 济南市槐荫区人民防空办公室主任"
    );
    assert!(five.contains("\nvacancy chains: 33 chains (opened by 27 exits, 0 moves on, 0 known vacant, 6 unknown whether vacant; ended by 14 entries from outside, 18 left open, 1 joining another); 21 moves\n"), "{five}");
    let v: serde_json::Value =
        serde_json::from_slice(&show(&["济槐政任〔2022〕5号", "--json"]).stdout).unwrap();
    assert_eq!(v["entry"], 2);
    assert_eq!(v["notice"], "济槐政任〔2022〕5号");
    assert_eq!(v["recorded"]["events"].as_array().unwrap().len(), 55);
    assert_eq!(v["findings"].as_array().unwrap().len(), 2);
    assert_eq!(v["corrections"][1]["number"], "济槐政任〔2022〕9号");
    assert_eq!(v["corrections"][1]["amendments"][0]["action"], "retract");
    assert_eq!(v["chains"].as_array().unwrap().len(), 33);
    assert_eq!(
        v["chain_counts"],
        serde_json::json!({"chains": 33, "exits": 27, "moved": 0, "vacant": 0, "unknown": 6,
            "entries": 14, "open": 18, "joins": 1, "moves": 21})
    );
    assert_eq!(
        v["chains"][0]["opening"],
        serde_json::json!({"kind": "exit", "person": {"name": "李庆甲"}, "since": null})
    );
    assert_eq!(
        v["chains"][0]["closing"],
        serde_json::json!({"kind": "entry", "post": null})
    );
    assert_eq!(
        stdout(&show(&["济槐政任〔2022〕8号"])),
        "济槐政任〔2022〕8号  济南市槐荫区人民政府关于更正济槐政任〔2022〕5号文件有关内容的通知\n\
         \x20 a correction, signed 2022-06-20, entry 3, 2 amendments\n\
         \x20 clause 1, on 济槐政任〔2022〕5号: corrects the appointments of 赵中华 at 济南市槐荫区人民医院院长: post 济南市槐荫区人民医院副院长\n\
         \x20 clause 2, on 济槐政任〔2022〕5号: corrects the events of 李宁: effective 2022-05-20\n"
    );
    let out = show(&["〔2022〕4"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: unknown notice `〔2022〕4`; did you mean 济槐政任〔2022〕4号?\n"
    );
}

/// `conflicts --notice` and `chains --notice` take a number with brackets
/// of either width, and an unknown one gets the numbers that hold it.
#[test]
fn a_notice_number_is_found_whatever_its_brackets() {
    let ledger = temp_ledger("notice-brackets");
    let l = ledger.to_str().unwrap();
    assert!(run(&["import", GAZETTE, "--ledger", l]).status.success());
    let out = run(&["chains", "--notice", "济槐政任[2022]4号", "--ledger", l]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("济槐政任〔2022〕4号: 6 chains (opened by 0 exits, 0 moves on, 0 known vacant, 6 unknown whether vacant; ended by 6 entries from outside, 0 left open, 0 joining another); 6 moves\n"));
    let out = run(&["conflicts", "--notice", "济槐政任[2022]5号", "--ledger", l]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("suggestion: probable alias: "));
    for sub in ["conflicts", "chains"] {
        let out = run(&[sub, "--notice", "[2022]5", "--ledger", l]);
        assert_eq!(out.status.code(), Some(2), "{sub}");
        assert_eq!(
            stderr(&out),
            "error: unknown notice `[2022]5`; did you mean 济槐政任〔2022〕5号?\n",
            "{sub}"
        );
    }
}

/// Every subcommand that takes a notice's number finds it typed with
/// brackets of either width, by one lookup: the same answer for
/// `济槐政任〔2022〕4号` and `济槐政任[2022]4号` (and `［2022］`), and a
/// correction recorded with the other brackets still names the notice.
#[test]
fn every_subcommand_that_takes_a_notice_folds_its_brackets() {
    let ledger = temp_ledger("fold-every");
    let l = ledger.to_str().unwrap();
    assert!(
        run(&["import", GAZETTE, CORRECTIONS, "--ledger", l])
            .status
            .success()
    );
    let asked = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--ledger", l]);
        let out = run(&all);
        (out.status.code(), stdout(&out), stderr(&out))
    };
    let forms = |n: u32| {
        [
            format!("济槐政任〔2022〕{n}号"),
            format!("济槐政任[2022]{n}号"),
            format!("济槐政任［2022］{n}号"),
        ]
    };
    let post = "济南市槐荫区人民防空办公室主任";
    for [full, half, wide] in [forms(4), forms(5), forms(8)] {
        let questions: Vec<Vec<&str>> = vec![
            vec!["show"],
            vec!["show", "--json"],
            vec!["conflicts", "--notice"],
            vec!["chains", "--notice"],
            vec!["who", post, "--on", "2022-06-01", "--known-after"],
            vec!["posts", "衣连斌", "--on", "2022-05-01", "--known-after"],
            vec!["history", post, "--known-after"],
        ];
        for question in questions {
            // Findings and chains are of notices, not corrections.
            if full.ends_with("8号") && ["conflicts", "chains"].contains(&question[0]) {
                continue;
            }
            let with = |number: &str| {
                let mut args = question.clone();
                args.push(number);
                asked(&args)
            };
            let want = with(&full);
            assert_eq!(want.0, Some(0), "{question:?} {full}: {}", want.2);
            assert_eq!(with(&half), want, "{question:?} {half}");
            assert_eq!(with(&wide), want, "{question:?} {wide}");
        }
    }
    // Exact answers for two of them.
    assert!(asked(&["show", "济槐政任[2022]8号"]).1.starts_with(
        "济槐政任〔2022〕8号  济南市槐荫区人民政府关于更正济槐政任〔2022〕5号文件有关内容的通知\n"
    ));
    assert_eq!(
        asked(&["chains", "--notice", "济槐政任［2022］4号"])
            .1
            .lines()
            .next(),
        Some(
            "济槐政任〔2022〕4号: 6 chains (opened by 0 exits, 0 moves on, 0 known vacant, 6 unknown whether vacant; ended by 6 entries from outside, 0 left open, 0 joining another); 6 moves"
        )
    );

    // `retract` and `correct` name the notice with either brackets; `show`
    // then counts the correction as naming it whichever way it was typed.
    let copy = temp_ledger("fold-every-copy");
    let c = copy.to_str().unwrap();
    std::fs::copy(&*ledger, &*copy).unwrap();
    for (on, target) in [(l, "济槐政任〔2022〕4号"), (c, "济槐政任[2022]4号")] {
        let retract = run(&[
            "retract",
            target,
            "--clause",
            "1",
            "--by",
            "济槐政任〔2022〕10号",
            "--date",
            "2022-07-01",
            "--ledger",
            on,
        ]);
        assert_eq!(
            (retract.status.code(), stdout(&retract)),
            (
                Some(0),
                "recorded 济槐政任〔2022〕10号 as entry 5\n".to_owned()
            ),
            "{target}: {}",
            stderr(&retract)
        );
        let correct = run(&[
            "correct",
            target,
            "--clause",
            "3",
            "--to-post",
            "济南市槐荫区城市管理局局长",
            "--by",
            "济槐政任〔2022〕11号",
            "--date",
            "2022-07-01",
            "--ledger",
            on,
        ]);
        assert_eq!(
            (correct.status.code(), stdout(&correct)),
            (
                Some(0),
                "recorded 济槐政任〔2022〕11号 as entry 6\n".to_owned()
            ),
            "{target}: {}",
            stderr(&correct)
        );
    }
    let shown = |on: &str| stdout(&run(&["show", "济槐政任〔2022〕4号", "--ledger", on]));
    let corrections = shown(l)
        .lines()
        .skip_while(|line| !line.starts_with("corrections naming it"))
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        corrections,
        "corrections naming it: 2\n\
         \x20 济槐政任〔2022〕10号 (entry 5, signed 2022-07-01): rescinds the events in clause 1\n\
         \x20 济槐政任〔2022〕11号 (entry 6, signed 2022-07-01): corrects the events in clause 3: post 济南市槐荫区城市管理局局长"
    );
    assert_eq!(shown(c), shown(l));
}

/// A storage failure in the middle of an import (here the file-size limit,
/// `prlimit --fsize`, on a notice too big for it) stops the import there,
/// names the notice's file and line, and still sums up and indexes what
/// was recorded before it; the exit status is 1.
#[test]
fn a_storage_failure_mid_import_sums_up_and_indexes_what_was_recorded() {
    let big = temp_path("big-notice.txt");
    let clauses: String = (0..300)
        .map(|i| {
            let chars: Vec<char> = "明华国建军平志伟强文东海兴安春秋德林峰".chars().collect();
            let (a, b) = (chars[i % 19], chars[i / 19]);
            format!("任命张{a}{b}为某县{a}{b}乡乡长；\n")
        })
        .collect();
    std::fs::write(
        &*big,
        format!(
            "某县人民政府关于任免张明明等同志职务的通知\n某政任〔2022〕300号\n县政府决定：\n{clauses}某县人民政府\n2022年7月1日\n"
        ),
    )
    .unwrap();
    let ledger = temp_ledger("fsize");
    let l = ledger.to_str().unwrap();
    // The gazette and the corrections fit in 30 000 bytes (their index
    // too); the big notice does not. SIGXFSZ ignored, the write fails.
    let command = format!(
        "trap '' XFSZ; exec prlimit --fsize=30000 {} import {GAZETTE} {CORRECTIONS} {} --ledger {l}",
        env!("CARGO_BIN_EXE_appointments"),
        big.display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &command])
        .output()
        .expect("sh runs");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "error: {big}: line 2: notice 某政任〔2022〕300号 was not recorded: {l}: File too large (os error 27); the import stopped here\n\
             4 recorded, 0 already present, 0 refused, 0 passed over; {l} has 4 entries\n",
            big = big.display()
        )
    );
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.starts_with("recorded "))
            .count(),
        4
    );
    // The index covers the four entries recorded, and questions read it.
    let check = run(&["index", "--check", "--ledger", l]);
    assert_eq!(
        (check.status.code(), stdout(&check)),
        (
            Some(0),
            format!("{l}.index: covers the 4 entries of the ledger; whole\n")
        )
    );
}
