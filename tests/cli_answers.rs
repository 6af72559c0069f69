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

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_has_one_shape_a_kind_and_a_key_one_type() {
    let ledger = imported("json");
    let l = ledger.to_str().unwrap();
    let who = json(&[
        "who",
        "济南市槐荫区人民政府五里沟街道办事处主任",
        "--on",
        "2022-06-01",
        "--json",
        "--ledger",
        l,
    ]);
    assert_eq!(
        who,
        serde_json::json!({
            "post": {"organisation": "济南市槐荫区人民政府五里沟街道办事处", "title": "主任"},
            "date": "2022-06-01",
            "holding": {
                "kind": "vacant",
                "since": "2022-05-23",
                "tenures": [{
                    "person": {"name": "李福新"},
                    "post": {"organisation": "济南市槐荫区人民政府五里沟街道办事处", "title": "主任"},
                    "start": {"kind": "unknown", "date": null, "after": null, "before": "2022-05-23"},
                    "end": {"kind": "on", "date": "2022-05-23"},
                    "flags": [],
                    "appointed_by": null,
                    "removed_by": {
                        "notice": "济槐政任〔2022〕5号",
                        "seq": 2,
                        "clause": 44,
                        "text": "李福新的济南市槐荫区人民政府五里沟街道办事处主任职务"
                    },
                    "corrected_by": []
                }]
            }
        })
    );
    let unknown = json(&[
        "who",
        "济南市槐荫区人民防空办公室主任",
        "--on",
        "2022-04-01",
        "--json",
        "--ledger",
        l,
    ]);
    assert_eq!(
        unknown["holding"],
        serde_json::json!({"kind": "unknown", "since": null, "tenures": []})
    );
    let posts = json(&[
        "posts",
        "李宁",
        "--on",
        "2022-06-01",
        "--json",
        "--ledger",
        l,
    ]);
    assert_eq!(posts["person"], serde_json::json!({"name": "李宁"}));
    assert_eq!(posts["date"], "2022-06-01");
    assert_eq!(
        (&posts["tenures"][0]["start"], &posts["tenures"][0]["end"]),
        (
            &serde_json::json!({"kind": "on", "date": "2022-05-23", "after": null, "before": null}),
            &serde_json::json!({"kind": "open", "date": null})
        )
    );
    // Every tenure of the ledger: `start` and `end` objects of the same
    // keys whatever their kind.
    let history = json(&[
        "history",
        "济南市槐荫区人民防空办公室主任",
        "--json",
        "--ledger",
        l,
    ]);
    let ends: Vec<&serde_json::Value> = history["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["end"])
        .collect();
    assert_eq!(
        ends,
        [
            &serde_json::json!({"kind": "on", "date": "2022-05-23"}),
            &serde_json::json!({"kind": "open", "date": null})
        ]
    );
    // `notice` is a number wherever it is a key.
    let shown = json(&["show", "济槐政任〔2022〕4号", "--json", "--ledger", l]);
    assert_eq!(shown["notice"], "济槐政任〔2022〕4号");
    assert_eq!(shown["recorded"]["number"], "济槐政任〔2022〕4号");
    let chains = json(&[
        "chains",
        "--notice",
        "济槐政任〔2022〕4号",
        "--json",
        "--ledger",
        l,
    ]);
    assert_eq!(chains[0]["notice"], "济槐政任〔2022〕4号");
    assert_eq!(chains[0]["chain_counts"], shown["chain_counts"]);
    assert_eq!(chains[0]["chains"], shown["chains"]);
    assert_eq!(
        shown["chains"][1],
        serde_json::json!({
            "opening": {"kind": "unknown", "person": null, "since": null},
            "posts": [{"organisation": "济南市槐荫区人民防空办公室", "title": "主任"}],
            "people": [{"name": "衣连斌"}],
            "closing": {"kind": "entry", "post": null}
        })
    );
}

/// A post's declared seats count in the headline, from the index as from
/// a replay.
#[test]
fn declared_seats_count_from_the_index_too() {
    use appointment_ledger::{Index, Ledger, NaiveDate, Notice, Person, Post, Seats};
    let path = temp_path("answers-declared.ledger");
    let deputy = Post::new("某县财政局", "副局长");
    {
        let mut ledger = Ledger::builder().open(&*path).unwrap();
        let day = NaiveDate::from_ymd_opt(2022, 4, 1).unwrap();
        ledger
            .record(
                Notice::new("某政任〔2022〕1号", day).appoint(Person::new("李四"), deputy.clone()),
            )
            .unwrap();
        ledger.declare_seats(deputy, Seats::Limit(3)).unwrap();
        Index::write(&ledger, &Index::path_for(&path)).unwrap();
        let index = Index::open(&path).unwrap();
        let id = index.find_post("某县财政局副局长").unwrap();
        assert_eq!(index.seats(id).unwrap(), Seats::Limit(3));
    }
    let l = path.to_str().unwrap();
    let ask = |extra: &[&str]| {
        let mut args = vec![
            "who",
            "某县财政局副局长",
            "--on",
            "2022-05-01",
            "--ledger",
            l,
        ];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        stdout(&out).lines().next().unwrap().to_owned()
    };
    let want = "某县财政局副局长 on 2022-05-01: held by 李四, since 2022-04-01 (1 of 3 seats known filled)";
    assert_eq!(ask(&[]), want);
    // As known after the notice, before the seats were declared: the
    // lexicon's seats.
    assert_eq!(
        ask(&["--known-after", "某政任〔2022〕1号"]),
        "某县财政局副局长 on 2022-05-01: held by 李四, since 2022-04-01 (1 of several seats known filled)"
    );
    let _ = std::fs::remove_file(Index::path_for(&path));
}
