//! `appointments import` of many files (issue 16): every notice that can be
//! recorded is recorded, each whole; every one that cannot is reported with
//! its file and line, and the import goes on; a summary line counts what
//! was done and names the files that gave nothing; the exit status is 2
//! when anything was refused.

mod cli_support;

use std::path::{Path, PathBuf};

use appointment_ledger::Ledger;
use cli_support::{GAZETTE, run, stderr, stdout};

/// A notice of one appointment, numbered `n`, in the gazette's layout.
fn notice(n: u32) -> String {
    let chars: Vec<char> = "明华国建军平志伟强文东海兴安春秋德林峰".chars().collect();
    let (a, b) = (chars[n as usize % 19], chars[n as usize / 19]);
    format!(
        "某县人民政府关于任命张{a}{b}同志职务的通知\n某政任〔2022〕{n}号\n\n任命张{a}{b}为某县{a}{b}乡乡长。\n\n某县人民政府\n2022年5月23日\n"
    )
}

/// The post notice `n` appoints to.
fn post(n: u32) -> String {
    let chars: Vec<char> = "明华国建军平志伟强文东海兴安春秋德林峰".chars().collect();
    let (a, b) = (chars[n as usize % 19], chars[n as usize / 19]);
    format!("某县{a}{b}乡乡长")
}

/// A correction rescinding notice `n`, numbered `by`.
fn retraction(n: u32, by: u32) -> String {
    format!(
        "某县人民政府关于撤销某政任〔2022〕{n}号文件的通知\n某政任〔2022〕{by}号\n经研究，决定撤销某政任〔2022〕{n}号文件。\n某县人民政府\n2022年6月10日\n"
    )
}

/// The numbers of what the ledger file records, in the order recorded.
fn numbers(ledger: &Path) -> Vec<String> {
    let ledger = Ledger::builder().open_read_only(ledger).unwrap();
    ledger
        .log()
        .iter()
        .map(|e| e.change.number().unwrap_or_default().to_owned())
        .collect()
}

/// Sixty-five files: 56 good notices, a correction that names the last of
/// them (given first: it waits for it), a notice with a clause not
/// understood and a correction that names it, text that is not UTF-8, a
/// directory, a missing file, a notice dated 1850, a file with no notice
/// and a decision without a date.
struct Folder {
    _dir: tempfile::TempDir,
    files: Vec<PathBuf>,
    ledger: PathBuf,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        let mut files = vec![at("00-retract-56.txt")];
        std::fs::write(&files[0], retraction(56, 900)).unwrap();
        for n in 1..=56 {
            let file = at(&format!("{n:02}.txt"));
            std::fs::write(&file, notice(n)).unwrap();
            files.push(file);
        }
        let bad = at("bad-clause.txt");
        std::fs::write(
            &bad,
            "某县人民政府关于任免张三等同志职务的通知\n某政任〔2022〕100号\n县政府决定：\n任命张三为某县财政局局长；\n王五为；\n某县人民政府\n2022年3月1日\n",
        )
        .unwrap();
        let retract_bad = at("retract-100.txt");
        std::fs::write(&retract_bad, retraction(100, 901)).unwrap();
        let not_utf8 = at("not-utf8.txt");
        std::fs::write(&not_utf8, b"\xc4\xe3\xba\xc3\xca\xc0\xbd\xe7\n\xff\xff\n").unwrap();
        let folder = at("a-folder");
        std::fs::create_dir(&folder).unwrap();
        let missing = at("missing.txt");
        let old = at("1850.txt");
        std::fs::write(
            &old,
            "某县人民政府关于任命张明华同志职务的通知\n某政任〔1850〕1号\n\n任命张明华为某县财政局局长。\n\n某县人民政府\n1850年5月23日\n",
        )
        .unwrap();
        let empty = at("minutes.txt");
        std::fs::write(&empty, "会议纪要\n与会同志讨论了明年的工作。\n").unwrap();
        let undated = at("undated.txt");
        std::fs::write(&undated, "县政府决定：任命张三为某县财政局局长。\n").unwrap();
        files.extend([
            bad,
            retract_bad,
            not_utf8,
            folder,
            missing,
            old,
            empty,
            undated,
        ]);
        assert_eq!(files.len(), 65);
        let ledger = at("county.ledger");
        Folder {
            _dir: dir,
            files,
            ledger,
        }
    }

    fn import(&self) -> std::process::Output {
        let mut args = vec!["import".to_owned()];
        args.extend(self.files.iter().map(|f| f.display().to_string()));
        args.extend(["--ledger".to_owned(), self.ledger.display().to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&args)
    }

    /// The file given `n`th (from 0), as the command names it.
    fn name(&self, n: usize) -> String {
        self.files[n].display().to_string()
    }

    /// What the command says of the files' problems while reading them,
    /// in the order given.
    fn problems(&self) -> String {
        format!(
            "error: {bad}: line 5: clause `王五为`: no post after 为\n\
             error: {bad}: line 2: notice 某政任〔2022〕100号 refused: 1 clause not understood (--allow-partial records the rest)\n\
             error: {not_utf8}: line 2 (byte 9): not UTF-8 text, it looks like GB18030, but it does not decode from here; convert it to UTF-8\n\
             error: {folder}: a directory, not a regular file\n\
             error: {missing}: cannot read the text: No such file or directory (os error 2)\n\
             error: {old}: line 2: notice 某政任〔1850〕1号: date 1850-05-23 is out of range (1900-01-01..=2199-12-31); refused\n\
             warning: no appointment or removal found in {empty}\n\
             warning: {undated}: line 1: the text gives the decision no date (1 event); passed over: give one with --date\n",
            bad = self.name(57),
            not_utf8 = self.name(59),
            folder = self.name(60),
            missing = self.name(61),
            old = self.name(62),
            empty = self.name(63),
            undated = self.name(64),
        )
    }

    /// The summary line, after `recorded` and `already`.
    fn summary(&self, recorded: usize, already: usize) -> String {
        format!(
            "{recorded} recorded, {already} already present, 3 refused, 1 passed over; 3 files unreadable: {}, {}, {}; no notice in {}; {} has 57 entries\n",
            self.name(59),
            self.name(60),
            self.name(61),
            self.name(63),
            self.ledger.display()
        )
    }
}

#[test]
fn a_bulk_import_records_every_good_notice_and_names_every_problem() {
    let folder = Folder::new();
    let out = folder.import();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "{}error: {}: line 2: notice 某政任〔2022〕901号: clause 1: corrects 某政任〔2022〕100号, which is not recorded\n{}",
            folder.problems(),
            folder.name(58),
            folder.summary(57, 0)
        )
    );
    // Exactly the good notices, in the order given, the correction after
    // the notice it names.
    let mut want: Vec<String> = (1..=56).map(|n| format!("某政任〔2022〕{n}号")).collect();
    want.push("某政任〔2022〕900号".to_owned());
    assert_eq!(numbers(&folder.ledger), want);
    let report = stdout(&out);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 57, "{report}");
    assert_eq!(lines[0], "recorded 某政任〔2022〕1号 as entry 1 (1 event)");
    assert_eq!(
        lines[56],
        "recorded 某政任〔2022〕900号 as entry 57 (a correction, 1 amendment)"
    );
    // Each notice whole: one tenure each, the rescinded one's none.
    let ledger = Ledger::builder().open_read_only(&folder.ledger).unwrap();
    for n in 1..=55 {
        let history = ledger.history(post(n).as_str()).unwrap();
        assert_eq!(history.len(), 1, "{n}");
        assert_eq!(
            history[0].person.name(),
            post(n).replace("某县", "张").replace("乡乡长", "")
        );
    }
    assert!(ledger.history(post(56).as_str()).unwrap().is_empty());
    assert_eq!(ledger.rescinded().len(), 1);
    assert!(ledger.find_post("某县财政局局长").is_err());
}

#[test]
fn a_bulk_import_run_again_records_nothing_twice() {
    let folder = Folder::new();
    assert_eq!(folder.import().status.code(), Some(2));
    let bytes = std::fs::read(&folder.ledger).unwrap();
    let again = folder.import();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(stdout(&again), "");
    // The correction, given first, need not wait now: the notice it names
    // is in the ledger.
    let mut notes =
        "note: 某政任〔2022〕900号 is already recorded (entry 57); skipped\n".to_owned();
    notes.extend(
        (1..=56).map(|n| {
            format!("note: 某政任〔2022〕{n}号 is already recorded (entry {n}); skipped\n")
        }),
    );
    assert_eq!(
        stderr(&again),
        format!(
            "{}{notes}error: {}: line 2: notice 某政任〔2022〕901号: clause 1: corrects 某政任〔2022〕100号, which is not recorded\n{}",
            folder.problems(),
            folder.name(58),
            folder.summary(0, 57)
        )
    );
    assert_eq!(std::fs::read(&folder.ledger).unwrap(), bytes);
}

/// `--allow-partial` records the notice without the clause it could not
/// read; then the correction that names it finds it.
#[test]
fn allow_partial_records_the_rest_of_a_notice() {
    let folder = Folder::new();
    let mut args = vec!["import".to_owned(), "--allow-partial".to_owned()];
    args.extend(folder.files[57..59].iter().map(|f| f.display().to_string()));
    args.extend(["--ledger".to_owned(), folder.ledger.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "warning: {}: line 5: clause `王五为`: no post after 为\n\
             2 recorded, 0 already present, 0 refused, 0 passed over; {} has 2 entries\n",
            folder.name(57),
            folder.ledger.display()
        )
    );
    assert_eq!(
        numbers(&folder.ledger),
        ["某政任〔2022〕100号", "某政任〔2022〕901号"]
    );
}

/// A notice of which nothing can be read is refused, with or without
/// `--allow-partial` (there is no rest to record), and its file is not
/// called one without a notice.
#[test]
fn a_notice_with_nothing_readable_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("unreadable-notice.txt");
    std::fs::write(
        &file,
        "某县人民政府关于任命李四同志职务的通知\n某政任〔2023〕4号\n县政府决定：\n王五为；\n某县人民政府\n2023年3月2日\n",
    )
    .unwrap();
    let ledger = dir.path().join("l.ledger");
    let f = file.display().to_string();
    let l = ledger.display().to_string();
    for partial in [false, true] {
        let mut args = vec!["import", &f, "--ledger", &l];
        if partial {
            args.push("--allow-partial");
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{partial}");
        assert_eq!(
            stderr(&out),
            format!(
                "warning: {f}: line 4: clause `王五为`: no post after 为\n\
                 error: {f}: line 2: clause `某政任〔2023〕4号`: notice has no appointment or removal clauses; refused\n\
                 warning: no appointment or removal found in {f}\n\
                 0 recorded, 0 already present, 1 refused, 0 passed over; {l} not created\n"
            ),
            "{partial}"
        );
        assert!(!ledger.exists());
    }
}

/// Two files, each naming a 李建: the first appoints one, the second
/// removes one from a post and appoints him to another.
fn namesakes(dir: &Path) -> (String, String) {
    let a = dir.join("a.txt");
    std::fs::write(
        &a,
        "某县人民政府关于任免李建等同志职务的通知\n某政任〔2022〕1号\n县政府决定：\n任命李建为某县财政局局长；\n任命王五为某县教育局局长。\n某县人民政府\n2022年3月1日\n",
    )
    .unwrap();
    let b = dir.join("b.txt");
    std::fs::write(
        &b,
        "某县人民政府关于任免李建同志职务的通知\n某政任〔2022〕2号\n县政府决定：\n任命李建为某县统计局局长；\n免去李建的某县审计局局长职务。\n某县人民政府\n2022年4月1日\n",
    )
    .unwrap();
    (a.display().to_string(), b.display().to_string())
}

/// `--person-id 李建=A` on one file and `李建=B` on the other make two
/// people of one name, each with every event of their file (appointment
/// and removal alike), and the name alone no longer says which.
#[test]
fn person_id_tells_namesakes_apart_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = namesakes(dir.path());
    let ledger = dir.path().join("county.ledger");
    let l = ledger.display().to_string();
    let out = run(&["import", &a, "--person-id", "李建=A", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "recorded 某政任〔2022〕1号 as entry 1 (2 events)\n"
    );
    assert_eq!(
        stderr(&out),
        format!("1 recorded, 0 already present, 0 refused, 0 passed over; {l} has 1 entry\n")
    );
    let out = run(&["import", &b, "--person-id", "李建=B", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "recorded 某政任〔2022〕2号 as entry 2 (2 events)\n"
    );

    let out = run(&["search", "李建", "--kind", "person", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "kind    id  name    count\n\
         person  0   李建#A  1 tenure\n\
         person  2   李建#B  2 tenures\n"
    );
    let out = run(&["posts", "李建", "--on", "2022-05-01", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `李建` names 2 people (ids: A, B); give the person's id\n"
    );
    let out = run(&["posts", "李建#A", "--on", "2022-05-01", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "person  post            start       end   flags  appointed by                removed by\n\
         李建#A  某县财政局局长  2022-03-01  open  -      某政任〔2022〕1号 clause 1  -\n"
    );
    let out = run(&["history", "--person", "李建#B", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "person  post            start                        end         flags  appointed by                removed by\n\
         李建#B  某县审计局局长  unknown (before 2022-04-01)  2022-04-01  -      -                           某政任〔2022〕2号 clause 2\n\
         李建#B  某县统计局局长  2022-04-01                   open        -      某政任〔2022〕2号 clause 1  -\n"
    );

    // The same import again, with the same id: nothing recorded twice.
    let out = run(&["import", &a, "--person-id", "李建=A", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "note: 某政任〔2022〕1号 is already recorded (entry 1); skipped\n\
             0 recorded, 1 already present, 0 refused, 0 passed over; {l} has 2 entries\n"
        )
    );
}

/// A `--person-id` value that is not NAME=ID is clap's invalid-value
/// error, naming the value; nothing is read or recorded.
#[test]
fn a_malformed_person_id_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = namesakes(dir.path());
    let ledger = dir.path().join("county.ledger");
    let l = ledger.display().to_string();
    for (value, why) in [
        (
            "李建",
            "no `=` between the name and the id (NAME=ID, as in 李建=A)",
        ),
        ("=A", "no name before `=` (NAME=ID, as in 李建=A)"),
        (" 　=A", "no name before `=` (NAME=ID, as in 李建=A)"),
        ("李建=", "no id after `=` (NAME=ID, as in 李建=A)"),
        ("李建= ", "no id after `=` (NAME=ID, as in 李建=A)"),
        (
            "李建=-",
            "`-` is no id: `李建#-` is how a question names the 李建 without one",
        ),
        (
            "李#建=A",
            "the name `李#建` holds #, which separates a name from its id",
        ),
    ] {
        let out = run(&["import", &a, "--person-id", value, "--ledger", &l]);
        assert_eq!(out.status.code(), Some(2), "{value}");
        assert_eq!(
            stderr(&out),
            format!(
                "error: invalid value '{value}' for '--person-id <NAME=ID>': {why}\n\n\
                 For more information, try '--help'.\n"
            ),
            "{value}"
        );
        assert_eq!(stdout(&out), "", "{value}");
        assert!(!ledger.exists(), "{value}");
    }
}

/// One name given two ids is a usage error naming both values; the same
/// value given twice (white space aside) is one.
#[test]
fn one_name_given_two_ids_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = namesakes(dir.path());
    let ledger = dir.path().join("county.ledger");
    let l = ledger.display().to_string();
    let out = run(&[
        "import",
        &a,
        "--person-id",
        "李建=A",
        "--person-id",
        "王五=W",
        "--person-id",
        "李 建=B",
        "--ledger",
        &l,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --person-id 李建=A and --person-id 李建=B give 李建 two ids; a name has one id in an import\n\n\
         Usage: appointments import [OPTIONS] --ledger <PATH> <FILES>...\n\n\
         For more information, try '--help'.\n"
    );
    assert!(!ledger.exists());
    let out = run(&[
        "import",
        &a,
        "--person-id",
        "李建=A",
        "--person-id",
        "李 建=A",
        "--ledger",
        &l,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!("1 recorded, 0 already present, 0 refused, 0 passed over; {l} has 1 entry\n")
    );
}

/// A `--person-id` whose name no notice of the import holds is said, not
/// ignored; the import goes on, the names it does hold given their ids.
#[test]
fn a_person_id_no_notice_uses_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = namesakes(dir.path());
    let ledger = dir.path().join("county.ledger");
    let l = ledger.display().to_string();
    let out = run(&[
        "import",
        &a,
        &b,
        "--person-id",
        "张三=Z",
        "--person-id",
        "王五=W",
        "--person-id",
        "李四=L",
        "--ledger",
        &l,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "warning: --person-id 张三=Z: no notice of this import names 张三\n\
             warning: --person-id 李四=L: no notice of this import names 李四\n\
             2 recorded, 0 already present, 0 refused, 0 passed over; {l} has 2 entries\n"
        )
    );
    let out = run(&["search", "--kind", "person", "--ledger", &l]);
    assert_eq!(
        stdout(&out),
        "kind    id  name    count\n\
         person  0   李建    3 tenures\n\
         person  1   王五#W  1 tenure\n"
    );
}

/// A correction in the files of the import reads its persons as the
/// notices do: 济槐政任〔2022〕9号 rescinds the appointment of the 陈建防
/// the gazette names, who is 陈建防#X here.
#[test]
fn a_correction_of_the_import_names_the_person_with_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("huaiyin.ledger");
    let l = ledger.display().to_string();
    let corrections = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/huaiyin-corrections-2022.txt"
    );
    let out = run(&[
        "import",
        GAZETTE,
        corrections,
        "--person-id",
        "陈建防=X",
        "--ledger",
        &l,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .contains("recorded 济槐政任〔2022〕9号 as entry 4 (a correction, 1 amendment)\n"),
        "{}",
        stdout(&out)
    );
    let out = run(&["history", "--person", "陈建防#X", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "person    post                                    start                        end         flags  appointed by  removed by\n\
         陈建防#X  济南槐荫城市建设投资集团有限公司董事长  unknown (before 2022-05-23)  2022-05-23  -      -             济槐政任〔2022〕5号 clause 42\n\
         陈建防#X  济南槐荫城市建设投资集团有限公司总经理  unknown (before 2022-05-23)  2022-05-23  -      -             济槐政任〔2022〕5号 clause 42\n\
         rescinded: 济槐政任〔2022〕5号 clause 4 (appoint 陈建防#X to 济南市槐荫区人民防空办公室主任) rescinded by 济槐政任〔2022〕9号 clause 1\n"
    );
}

/// Two files written for the test: each appoints a 李建 county head, of
/// 东平县 and of 宁阳县, the second while the first still holds office.
fn two_county_heads(dir: &Path) -> (String, String) {
    let a = dir.join("dongping.txt");
    std::fs::write(
        &a,
        "泰安市人民政府关于任命李建同志职务的通知\n泰政任〔2022〕1号\n市政府决定：\n任命李建为东平县人民政府县长。\n泰安市人民政府\n2022年1月10日\n",
    )
    .unwrap();
    let b = dir.join("ningyang.txt");
    std::fs::write(
        &b,
        "泰安市人民政府关于任命李建同志职务的通知\n泰政任〔2022〕2号\n市政府决定：\n任命李建为宁阳县人民政府县长。\n泰安市人民政府\n2022年3月1日\n",
    )
    .unwrap();
    (a.display().to_string(), b.display().to_string())
}

/// `conflicts` prints the probable namesakes one name's record makes, with
/// the clauses it rests on, as a suggestion; once `--person-id` tells the
/// two apart, nothing is found.
#[test]
fn conflicts_prints_probable_namesakes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_county_heads(dir.path());
    let ledger = dir.path().join("county.ledger");
    let l = ledger.display().to_string();
    let out = run(&["import", &a, &b, "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = run(&["conflicts", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "suggestion: probable namesakes: 李建 holds 东平县人民政府县长 (since 2022-01-10, 泰政任〔2022〕1号 clause 1) and 宁阳县人民政府县长 (since 2022-03-01, 泰政任〔2022〕2号 clause 1) at once, in two different counties (东平县 and 宁阳县): probably two people of one name, unless one person's move between them is recorded late or not at all; give each an id if they are two\n  \
         - 泰政任〔2022〕1号 clause 1: 任命李建为东平县人民政府县长\n  \
         - 泰政任〔2022〕2号 clause 1: 任命李建为宁阳县人民政府县长\n\
         warning: second principal post: 泰政任〔2022〕2号 clause 1 appoints 李建 to 宁阳县人民政府县长 while 李建 still holds 东平县人民政府县长 (since 2022-01-10), which was not removed\n  \
         - 泰政任〔2022〕2号 clause 1: 任命李建为宁阳县人民政府县长\n  \
         - 泰政任〔2022〕1号 clause 1: 任命李建为东平县人民政府县长\n"
    );

    let out = run(&["conflicts", "--json", "--ledger", &l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["kind"], "probable_namesakes");
    assert_eq!(v[0]["severity"], "suggestion");
    assert_eq!(v[0]["events"][1]["notice"], "泰政任〔2022〕2号");
    assert_eq!(v[0]["persons"], serde_json::json!([{"name": "李建"}]));

    let split = dir.path().join("split.ledger");
    let s = split.display().to_string();
    for (file, id) in [(&a, "李建=A"), (&b, "李建=B")] {
        let out = run(&["import", file, "--person-id", id, "--ledger", &s]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let out = run(&["conflicts", "--ledger", &s]);
    assert_eq!(stdout(&out), "no findings\n");
}
