//! The SVG timeline: what it draws, and what it refuses.

mod common;

use appointment_ledger::{Error, Ledger, NaiveDate, Notice, Person, Post, SvgTimeline};
use common::{day, notice4, notice5};

const AIR: &str = "济南市槐荫区人民防空办公室主任";
const GARDENS: &str = "济南市槐荫区园林绿化服务中心主任";
const WULIGOU: &str = "济南市槐荫区人民政府五里沟街道办事处主任";

fn ledger() -> Ledger {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    ledger
}

fn q2() -> std::ops::Range<NaiveDate> {
    day(2022, 4, 1)..day(2022, 7, 1)
}

/// Every `<name …>` is closed by `</name>` or is self-closing, in order.
fn assert_well_formed(svg: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').expect("a tag ends") + at;
        let tag = &rest[at + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "unbalanced </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or_default();
            open.push(name.to_owned());
        }
        // Text up to the next tag: no raw `>`, and every `&` an entity.
        let next = rest[end + 1..]
            .find('<')
            .map_or(rest.len(), |n| n + end + 1);
        let text = &rest[end + 1..next];
        assert!(!text.contains('>'), "raw text: {text}");
        for (i, _) in text.match_indices('&') {
            let entity = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"];
            assert!(
                entity.iter().any(|e| text[i..].starts_with(e)),
                "raw text: {text}"
            );
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

#[test]
fn three_posts_over_the_second_quarter() {
    let chart = SvgTimeline::posts([AIR, GARDENS, WULIGOU], q2());
    let svg = ledger().timeline_svg(&chart).unwrap();
    assert_well_formed(&svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""));
    assert!(svg.contains(
        "font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif\""
    ));
    assert!(svg.contains("<title>3 posts, 2022-04-01 to 2022-06-30</title>"));
    // Lanes, labelled on the left.
    for post in [AIR, GARDENS, WULIGOU] {
        assert!(svg.contains(&format!("\">{post}</tspan>")), "{post}");
    }
    // Bars: 衣连斌 (concurrent) then 陈建防; 尹强 hatched then 张晓慧;
    // 李福新 hatched, then a gap (vacant).
    for label in [
        ">衣连斌（兼）</text>",
        ">陈建防</text>",
        ">尹强</text>",
        ">张晓慧</text>",
        ">李福新</text>",
    ] {
        assert!(svg.contains(label), "{label}");
    }
    let bars = svg.matches("<g><title>").count();
    assert_eq!(bars, 5);
    // Two unknown starts are hatched (the legend shows the hatch once more).
    assert_eq!(svg.matches("fill=\"url(#hatch-").count(), 2 + 1);
    assert!(svg.contains("<pattern id=\"hatch-0\""));
    assert!(svg.contains(
        "<title>尹强: unknown (before 2022-05-23) – 2022-05-23; appointed: not recorded; removed: 济槐政任〔2022〕5号 clause 38</title>"
    ));
    // Month ticks along the top and the bottom.
    for month in ["2022-04", "2022-05", "2022-06", "2022-07"] {
        assert_eq!(
            svg.matches(&format!(">{month}</text>")).count(),
            2,
            "{month}"
        );
    }
    // The notices that start and end the bars.
    assert!(svg.contains(">济槐政任〔2022〕4号 4-24</text>"));
    assert!(svg.contains(">济槐政任〔2022〕5号 5-23</text>"));
    assert!(svg.contains(">held, start unknown (a removal with no recorded appointment)</text>"));
}

#[test]
fn bars_are_clipped_to_the_range() {
    // A range inside 衣连斌's tenure: one bar across the whole chart.
    let chart = SvgTimeline::posts([AIR], day(2022, 5, 1)..day(2022, 5, 11));
    let svg = ledger().timeline_svg(&chart).unwrap();
    assert_eq!(svg.matches("<g><title>").count(), 1);
    assert!(svg.contains(">衣连斌（兼）</text>"));
    // Before anything is recorded: an empty lane.
    let chart = SvgTimeline::posts([AIR], day(2021, 1, 1)..day(2022, 1, 1));
    let svg = ledger().timeline_svg(&chart).unwrap();
    assert_well_formed(&svg);
    assert_eq!(svg.matches("<g><title>").count(), 0);
}

#[test]
fn a_person_lane_shows_the_posts_held() {
    let chart = SvgTimeline::persons(["尹 强", "李宁"], q2()).title("尹强 & 李宁");
    let svg = ledger().timeline_svg(&chart).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains("<title>尹强 &amp; 李宁</title>"));
    assert!(svg.contains("\">尹强</tspan>") && svg.contains("\">李宁</tspan>"));
    // 尹强 holds two posts at once: two rows in one lane; 李宁 moves.
    assert_eq!(svg.matches("<g><title>").count(), 4);
    assert!(svg.contains("<title>济南市槐荫区综合行政执法局局长: 2022-04-24 – open (concurrent)"));
}

#[test]
fn names_are_escaped() {
    let mut ledger = Ledger::new();
    ledger
        .record(
            Notice::new("甲〔2022〕1号", day(2022, 1, 1))
                .appoint(Person::new("A<&>\"B'"), Post::new("某<局>", "局长")),
        )
        .unwrap();
    let chart = SvgTimeline::posts(["某<局>局长"], day(2022, 1, 1)..day(2023, 1, 1));
    let svg = ledger.timeline_svg(&chart).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains(">A&lt;&amp;&gt;&quot;B&apos;</text>"));
    assert!(svg.contains(">某&lt;局&gt;局长</tspan>"));
    assert!(!svg.contains("A<&>"));
}

#[test]
fn unknown_names_and_empty_ranges_are_errors() {
    let ledger = ledger();
    assert_eq!(
        ledger.timeline_svg(&SvgTimeline::posts([AIR, "某局局长"], q2())),
        Err(Error::UnknownPost {
            name: "某局局长".into()
        })
    );
    assert_eq!(
        ledger.timeline_svg(&SvgTimeline::persons(["王五"], q2())),
        Err(Error::UnknownPerson {
            name: "王五".into()
        })
    );
    let same_day = day(2022, 5, 1)..day(2022, 5, 1);
    let err = ledger
        .timeline_svg(&SvgTimeline::posts([AIR], same_day))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "empty date range 2022-05-01..2022-05-01: the end must be after the start"
    );
    assert!(err.is_bad_input());
    let far = day(2022, 1, 1)..day(2300, 1, 1);
    assert_eq!(
        ledger
            .timeline_svg(&SvgTimeline::posts([AIR], far))
            .unwrap_err()
            .to_string(),
        "timeline: date 2300-01-01 is out of range (1900-01-01..=2199-12-31)"
    );
}

#[test]
fn a_long_range_labels_years_not_months() {
    let chart = SvgTimeline::posts([AIR], day(1990, 1, 1)..day(2030, 1, 1));
    let svg = ledger().timeline_svg(&chart).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains(">2020</text>"));
    assert!(!svg.contains(">2022-05</text>"));
}

#[test]
fn the_chart_spec_is_send_and_sync() {
    fn check<T: Send + Sync + Clone + PartialEq>() {}
    check::<SvgTimeline>();
}
