//! Answers that say what they mean: `who`'s headline keeps the library's
//! qualifiers and counts the seats of a post of several, run as a user
//! would on notices 4 and 5.

mod cli_support;

use cli_support::{GAZETTE, Scratch, run, stderr, stdout, temp_path};

/// A ledger file holding notices 4 and 5 (and its index).
fn imported(name: &str) -> Scratch {
    let path = temp_path(&format!("answers-{name}.ledger"));
    let out = run(&["import", GAZETTE, "--ledger", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    path
}

/// The first line of `who POST --on DATE`, asked of the index and of a
/// replay (`--known-after` the last notice), which must agree.
fn headline(ledger: &Scratch, post: &str, on: &str) -> String {
    let l = ledger.to_str().unwrap();
    let from_index = run(&["who", post, "--on", on, "--ledger", l]);
    assert!(from_index.status.success(), "{}", stderr(&from_index));
    let replayed = run(&[
        "who",
        post,
        "--on",
        on,
        "--known-after",
        "济槐政任〔2022〕5号",
        "--ledger",
        l,
    ]);
    assert_eq!(stdout(&from_index), stdout(&replayed));
    stdout(&from_index).lines().next().unwrap().to_owned()
}

#[test]
fn the_headline_keeps_the_qualifiers() {
    let ledger = imported("qualifiers");
    assert_eq!(
        headline(&ledger, "济南市槐荫区园林绿化服务中心主任", "2022-05-01"),
        "济南市槐荫区园林绿化服务中心主任 on 2022-05-01: held by 尹强, start unknown, until 2022-05-23"
    );
    assert_eq!(
        headline(&ledger, "济南市槐荫区人民防空办公室主任", "2022-05-01"),
        "济南市槐荫区人民防空办公室主任 on 2022-05-01: held by 衣连斌, since 2022-04-24, until 2022-05-23 (concurrent)"
    );
    assert_eq!(
        headline(
            &ledger,
            "济南市槐荫区人民政府五里沟街道办事处主任",
            "2022-06-01"
        ),
        "济南市槐荫区人民政府五里沟街道办事处主任 on 2022-06-01: vacant since 2022-05-23 (李福新 removed)"
    );
    assert_eq!(
        headline(&ledger, "济南市槐荫区人民防空办公室主任", "2022-04-01"),
        "济南市槐荫区人民防空办公室主任 on 2022-04-01: unknown (the ledger records nothing of this post on that day)"
    );
}

#[test]
fn a_post_of_several_seats_says_how_many_are_known_filled() {
    let ledger = imported("seats");
    let post = "济南市槐荫区住房和城乡建设局副局长";
    assert_eq!(
        headline(&ledger, post, "2022-06-01"),
        "济南市槐荫区住房和城乡建设局副局长 on 2022-06-01: vacant since 2022-05-23 (李书延, 秦蕾 removed): 0 of several seats known filled"
    );
    assert_eq!(
        headline(&ledger, post, "2022-05-01"),
        "济南市槐荫区住房和城乡建设局副局长 on 2022-05-01: held by 李书延, start unknown, until 2022-05-23; 秦蕾, start unknown, until 2022-05-23 (2 of several seats known filled)"
    );
    assert_eq!(
        headline(&ledger, "济南市槐荫区财政局副局长", "2022-05-01"),
        "济南市槐荫区财政局副局长 on 2022-05-01: held by 张军胜, start unknown, until 2022-05-23 (1 of several seats known filled)"
    );
}
