//! An SVG timeline (a Gantt chart) of chosen posts or people, written as
//! text: no browser, font file or external tool is needed to make it.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::ledger::{EARLIEST, LATEST, Ledger};
use crate::model::Flag;
use crate::timeline::{End, Start, Tenure, bounds};

/// What an SVG timeline shows: one lane per post, or per person, over a
/// half-open date range `from..to` (the chart's right edge is `to`).
///
/// Names are written as the queries take them: a post as organisation and
/// title (`济南市槐荫区人民防空办公室主任`), a person by name (`尹 强`, or
/// `李建#A` for a person given an id). See [`Ledger::timeline_svg`].
///
/// ```
/// use appointment_ledger::{NaiveDate, SvgTimeline};
/// let day = |m| NaiveDate::from_ymd_opt(2022, m, 1).unwrap();
/// let chart = SvgTimeline::posts(["济南市槐荫区人民防空办公室主任"], day(4)..day(7))
///     .title("人民防空办公室, 2022 Q2");
/// assert_eq!(chart.range(), day(4)..day(7));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SvgTimeline {
    lanes: Lanes,
    range: Range<NaiveDate>,
    title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Lanes {
    Posts(Vec<String>),
    Persons(Vec<String>),
}

impl SvgTimeline {
    /// A lane per post, in the order given (a post named twice is drawn
    /// once), a bar per holder labelled with the holder's name.
    pub fn posts<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
        range: Range<NaiveDate>,
    ) -> SvgTimeline {
        SvgTimeline {
            lanes: Lanes::Posts(names.into_iter().map(|s| s.as_ref().to_owned()).collect()),
            range,
            title: None,
        }
    }

    /// A lane per person, in the order given, a bar per post held
    /// labelled with the post.
    pub fn persons<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
        range: Range<NaiveDate>,
    ) -> SvgTimeline {
        SvgTimeline {
            lanes: Lanes::Persons(names.into_iter().map(|s| s.as_ref().to_owned()).collect()),
            range,
            title: None,
        }
    }

    /// This chart with a heading (by default the range and lane count).
    #[must_use]
    pub fn title(mut self, title: &str) -> SvgTimeline {
        self.title = Some(title.to_owned());
        self
    }

    /// The date range drawn: from its first day up to, not including, its
    /// end.
    pub fn range(&self) -> Range<NaiveDate> {
        self.range.clone()
    }
}

impl Ledger {
    /// An SVG Gantt chart of the posts or people `chart` names over its
    /// date range, as a string.
    ///
    /// One lane per post (or person), labelled on the left; one bar per
    /// tenure, clipped to the range and labelled with the holder's name
    /// (or the post, in a person's lane), `（兼）` marking a concurrent
    /// post. A bar whose start is unknown (a removal with no recorded
    /// appointment) is **hatched** and reaches back to the range's start:
    /// the ledger knows the post was held then, not since when. Where the
    /// post is vacant, or the ledger knows nothing, the lane is left empty.
    /// Tenures that overlap (several seats, or a record that conflicts)
    /// get rows of their own in the lane. A dashed line marks each notice
    /// that starts or ends a bar; month ticks run along the top and
    /// bottom; a legend explains the marks. Each bar carries a tooltip
    /// with its dates, flags and notices.
    ///
    /// Errors: [`Error::UnknownPost`] / [`Error::UnknownPerson`] (or
    /// [`Error::AmbiguousPerson`]) for a name the ledger does not know,
    /// [`Error::EmptyRange`] when the range's end is not after its start,
    /// [`Error::DateOutOfRange`] for a date outside
    /// [`EARLIEST`]..=[`LATEST`].
    ///
    /// ```
    /// use appointment_ledger::{Error, Ledger, NaiveDate, Notice, Person, Post, SvgTimeline};
    /// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    /// let office = Post::new("济南市槐荫区人民防空办公室", "主任");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕5号", day(5, 23))
    ///     .remove(Person::new("衣连斌"), office.clone())
    ///     .appoint(Person::new("陈建防"), office))?;
    ///
    /// let chart = SvgTimeline::posts(["济南市槐荫区人民防空办公室主任"], day(4, 1)..day(7, 1));
    /// let svg = ledger.timeline_svg(&chart)?;
    /// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    /// assert!(svg.contains(">陈建防</text>"));
    /// assert!(svg.contains("fill=\"url(#hatch-")); // 衣连斌's start is unknown
    ///
    /// let inverted = SvgTimeline::posts(["济南市槐荫区人民防空办公室主任"], day(7, 1)..day(4, 1));
    /// assert_eq!(
    ///     ledger.timeline_svg(&inverted).unwrap_err().to_string(),
    ///     "empty date range 2022-07-01..2022-04-01: the end must be after the start"
    /// );
    /// let unknown = SvgTimeline::persons(["王五"], day(4, 1)..day(7, 1));
    /// assert_eq!(
    ///     ledger.timeline_svg(&unknown).unwrap_err(),
    ///     Error::UnknownPerson { name: "王五".into() }
    /// );
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn timeline_svg(&self, chart: &SvgTimeline) -> Result<String> {
        let Range {
            start: from,
            end: to,
        } = chart.range;
        for date in [from, to] {
            if !(EARLIEST..=LATEST).contains(&date) {
                return Err(Error::DateOutOfRange {
                    date,
                    context: "timeline".to_owned(),
                });
            }
        }
        if to <= from {
            return Err(Error::EmptyRange { from, to });
        }
        let lanes = self.lanes(chart)?;
        let title = chart.title.clone().unwrap_or_else(|| {
            let what = match chart.lanes {
                Lanes::Posts(_) => "post",
                Lanes::Persons(_) => "person",
            };
            let s = if lanes.len() == 1 { "" } else { "s" };
            format!(
                "{} {what}{s}, {from} to {}",
                lanes.len(),
                to.pred_opt().unwrap_or(to)
            )
        });
        Ok(draw(&title, &lanes, from, to))
    }

    /// Resolves the chart's names and clips their tenures to its range.
    fn lanes(&self, chart: &SvgTimeline) -> Result<Vec<Lane>> {
        let (from, to) = (chart.range.start, chart.range.end);
        let mut lanes = Vec::new();
        match &chart.lanes {
            Lanes::Posts(names) => {
                let mut seen = HashSet::new();
                for name in names {
                    let id = self.find_post(name)?;
                    if !seen.insert(id) {
                        continue;
                    }
                    let label = self.post(id).map(ToString::to_string).unwrap_or_default();
                    let history = self.history(id)?;
                    lanes.push(Lane::new(label, &history, from, to, |t| {
                        (
                            t.person.to_string(),
                            self.find_person(&t.person).ok().map(|p| p.0),
                        )
                    }));
                }
            }
            Lanes::Persons(names) => {
                let mut seen = HashSet::new();
                for name in names {
                    let id = self.find_person(name)?;
                    if !seen.insert(id) {
                        continue;
                    }
                    let label = self.person(id).map(ToString::to_string).unwrap_or_default();
                    let career = self.career(id)?;
                    lanes.push(Lane::new(label, &career, from, to, |t| {
                        (
                            t.post.to_string(),
                            self.find_post(&t.post).ok().map(|p| p.0),
                        )
                    }));
                }
            }
        }
        Ok(lanes)
    }
}

/// One lane: its label and its bars, each in a row of the lane.
struct Lane {
    label: String,
    bars: Vec<Bar>,
    rows: usize,
}

/// One tenure, clipped to the chart's range.
struct Bar {
    from: NaiveDate,
    until: NaiveDate,
    label: String,
    /// What the bar's colour follows: the person in a post's lane, the
    /// post in a person's.
    colour: u32,
    start_known: bool,
    tooltip: String,
    row: usize,
    /// The notices that began and ended it inside the range, with their
    /// dates: drawn as dashed lines.
    notices: Vec<(NaiveDate, String)>,
}

impl Lane {
    fn new(
        label: String,
        tenures: &[Tenure<'_>],
        from: NaiveDate,
        to: NaiveDate,
        name: impl Fn(&Tenure<'_>) -> (String, Option<u32>),
    ) -> Lane {
        let mut bars: Vec<Bar> = Vec::new();
        for t in tenures {
            let (start, end) = bounds(t.start, t.end);
            if start >= to || end <= from {
                continue;
            }
            let (who, colour) = name(t);
            let mut notices = Vec::new();
            if let (Start::On(d), Some(by)) = (t.start, t.appointed_by)
                && d > from
            {
                notices.push((d, by.notice().to_owned()));
            }
            if let (End::On(d), Some(by)) = (t.end, t.removed_by)
                && d < to
            {
                notices.push((d, by.notice().to_owned()));
            }
            let marker = if t.flags.contains(Flag::Concurrent) {
                "（兼）"
            } else if t.flags.contains(Flag::Acting) {
                "（代）"
            } else {
                ""
            };
            bars.push(Bar {
                from: start.max(from),
                until: end.min(to),
                label: format!("{who}{marker}"),
                colour: colour.unwrap_or(0),
                start_known: t.start.is_known(),
                tooltip: tooltip(&who, t),
                row: 0,
                notices,
            });
        }
        // Rows: each bar goes in the first row free by its start.
        bars.sort_by_key(|b| (b.from, b.until));
        let mut row_ends: Vec<NaiveDate> = Vec::new();
        for bar in &mut bars {
            match row_ends.iter().position(|end| *end <= bar.from) {
                Some(row) => {
                    bar.row = row;
                    row_ends[row] = bar.until;
                }
                None => {
                    bar.row = row_ends.len();
                    row_ends.push(bar.until);
                }
            }
        }
        Lane {
            label,
            bars,
            rows: row_ends.len().max(1),
        }
    }
}

/// `衣连斌: 2022-04-24 – 2022-05-23 (concurrent); 济槐政任〔2022〕4号 clause 2 –
/// 济槐政任〔2022〕5号 clause 9`.
fn tooltip(who: &str, t: &Tenure<'_>) -> String {
    let mut text = format!("{who}: {} – {}", t.start, t.end);
    if !t.flags.is_empty() {
        let _ = write!(text, " ({})", t.flags);
    }
    let by = |e: Option<crate::timeline::EventRef<'_>>| {
        e.map_or_else(|| "not recorded".to_owned(), |e| e.to_string())
    };
    let _ = write!(
        text,
        "; appointed: {}; removed: {}",
        by(t.appointed_by),
        by(t.removed_by)
    );
    text
}

// Layout, in pixels. Text widths are estimated: a CJK (wide) character is
// about one em, anything else about half, so width = units × FONT / 2.
const FONT: f64 = 13.0;
const MARGIN: f64 = 16.0;
const LABEL_MAX: f64 = 300.0;
const LABEL_GAP: f64 = 14.0;
const CHART: f64 = 760.0;
const ROW: f64 = 22.0;
const BAR: f64 = 16.0;
const LINE: f64 = 16.0;
const LANE_PAD: f64 = 8.0;

const FONTS: &str = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', \
                     'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

/// Fill and stroke per colour index: soft fills that dark text reads on.
const PALETTE: [(&str, &str); 8] = [
    ("#9ecae1", "#3182bd"),
    ("#fdd0a2", "#e6550d"),
    ("#a1d99b", "#31a354"),
    ("#dadaeb", "#756bb1"),
    ("#fcbba1", "#de2d26"),
    ("#c7e9c0", "#238b45"),
    ("#fde0ef", "#c51b7d"),
    ("#d9d9d9", "#636363"),
];

fn draw(title: &str, lanes: &[Lane], from: NaiveDate, to: NaiveDate) -> String {
    let days = (to - from).num_days().max(1) as f64;
    let label_width = lanes
        .iter()
        .map(|l| text_width(&l.label))
        .fold(0.0, f64::max)
        .min(LABEL_MAX);
    let chart_x = MARGIN + label_width + LABEL_GAP;
    let x = |d: NaiveDate| chart_x + (d - from).num_days() as f64 / days * CHART;
    // Room on the right for a month label centred on the chart's edge.
    let width = chart_x + CHART + MARGIN + 24.0;

    let mut notices: Vec<(NaiveDate, &str)> = lanes
        .iter()
        .flat_map(|l| &l.bars)
        .flat_map(|b| b.notices.iter().map(|(d, n)| (*d, n.as_str())))
        .collect();
    notices.sort();
    notices.dedup();

    let mut y = MARGIN;
    let title_y = y + 16.0;
    y += 30.0;
    let notice_y = y + 12.0;
    if !notices.is_empty() {
        y += 18.0;
    }
    let axis_top_y = y + 12.0;
    y += 20.0;
    let lanes_top = y;
    let mut lane_tops = Vec::new();
    let mut lane_labels = Vec::new();
    for lane in lanes {
        let lines = wrap(&lane.label, label_width);
        let height = (lane.rows as f64 * ROW).max(lines.len() as f64 * LINE) + LANE_PAD;
        lane_tops.push((y, height));
        lane_labels.push(lines);
        y += height;
    }
    let lanes_bottom = y;
    let axis_bottom_y = y + 16.0;
    y += 28.0;
    let legend_y = y;
    let legend_rows = legend_rows(width);
    y += 24.0 * legend_rows as f64;
    let height = y + MARGIN;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONTS}\" font-size=\"{FONT}\">"
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    svg.push_str("<style>.halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}</style>\n<defs>\n");
    for (i, (fill, stroke)) in PALETTE.iter().enumerate() {
        let _ = writeln!(
            svg,
            "<pattern id=\"hatch-{i}\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" \
             patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#fff\"/>\
             <rect width=\"3.5\" height=\"7\" fill=\"{fill}\"/>\
             <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"{stroke}\" stroke-width=\"1.5\"/></pattern>"
        );
    }
    svg.push_str("</defs>\n");
    let _ = writeln!(
        svg,
        "<rect width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#fff\"/>"
    );
    let _ = writeln!(
        svg,
        "<text x=\"{MARGIN}\" y=\"{title_y}\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        escape(title)
    );

    // Lane backgrounds, then the grid on top of them, then the bars.
    svg.push_str("<g class=\"lanes\">\n");
    for (i, ((top, h), lines)) in lane_tops.iter().zip(&lane_labels).enumerate() {
        let fill = if i % 2 == 0 { "#f4f6f8" } else { "#ffffff" };
        let _ = writeln!(
            svg,
            "<rect x=\"{MARGIN}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{fill}\"/>",
            width - 2.0 * MARGIN
        );
        let text_top = top + (h - lines.len() as f64 * LINE) / 2.0 + LINE - 4.0;
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{text_top:.1}\" text-anchor=\"end\">",
            chart_x - LABEL_GAP / 2.0
        );
        for (j, line) in lines.iter().enumerate() {
            let dy = if j == 0 { 0.0 } else { LINE };
            let _ = write!(
                svg,
                "<tspan x=\"{:.1}\" dy=\"{dy}\">{}</tspan>",
                chart_x - LABEL_GAP / 2.0,
                escape(line)
            );
        }
        svg.push_str("</text>\n");
    }
    svg.push_str("</g>\n");

    // Month ticks and labels, top and bottom; grid lines between.
    let months = month_starts(from, to);
    let px_per_month = CHART * 30.44 / days;
    let step: i64 = [1_i32, 2, 3, 6, 12, 24, 60, 120, 240]
        .into_iter()
        .find(|s| px_per_month * f64::from(*s) >= 60.0)
        .map_or(600, i64::from);
    svg.push_str("<g class=\"axis\" font-size=\"11\" fill=\"#444\">\n");
    let _ = writeln!(
        svg,
        "<line x1=\"{chart_x:.1}\" y1=\"{lanes_top:.1}\" x2=\"{chart_x:.1}\" y2=\"{lanes_bottom:.1}\" stroke=\"#999\"/>"
    );
    let right = chart_x + CHART;
    let _ = writeln!(
        svg,
        "<line x1=\"{right:.1}\" y1=\"{lanes_top:.1}\" x2=\"{right:.1}\" y2=\"{lanes_bottom:.1}\" stroke=\"#999\"/>"
    );
    for month in &months {
        let index = i64::from(month.year()) * 12 + i64::from(month.month0());
        let labelled = index % step == 0;
        if !labelled && px_per_month < 4.0 {
            continue;
        }
        let mx = x(*month);
        let (colour, dash) = if labelled {
            ("#c8ccd0", "")
        } else {
            ("#e3e6e9", " stroke-dasharray=\"2 3\"")
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{mx:.1}\" y1=\"{:.1}\" x2=\"{mx:.1}\" y2=\"{:.1}\" stroke=\"{colour}\"{dash}/>",
            lanes_top - 4.0,
            lanes_bottom + 4.0
        );
        if labelled {
            let text = if step >= 12 {
                format!("{}", month.year())
            } else {
                format!("{}-{:02}", month.year(), month.month())
            };
            for ty in [axis_top_y, axis_bottom_y] {
                let _ = writeln!(
                    svg,
                    "<text x=\"{mx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\">{text}</text>"
                );
            }
        }
    }
    svg.push_str("</g>\n");

    // Notices: a dashed line at each effective date, labelled when the
    // label does not run into the previous one.
    svg.push_str("<g class=\"notices\" font-size=\"11\" fill=\"#555\">\n");
    let mut last_label_end = f64::MIN;
    for (date, notice) in &notices {
        let nx = x(*date);
        let _ = writeln!(
            svg,
            "<line x1=\"{nx:.1}\" y1=\"{:.1}\" x2=\"{nx:.1}\" y2=\"{lanes_bottom:.1}\" stroke=\"#555\" \
             stroke-dasharray=\"4 3\"><title>{} effective {date}</title></line>",
            notice_y + 4.0,
            escape(notice)
        );
        let text = format!("{notice} {}-{:02}", date.month(), date.day());
        let w = text_width(&text) * 11.0 / FONT;
        let start = nx - w / 2.0;
        if start > last_label_end + 6.0 {
            let _ = writeln!(
                svg,
                "<text x=\"{nx:.1}\" y=\"{notice_y:.1}\" text-anchor=\"middle\">{}</text>",
                escape(&text)
            );
            last_label_end = nx + w / 2.0;
        }
    }
    svg.push_str("</g>\n");

    // Bars.
    svg.push_str("<g class=\"bars\">\n");
    for (lane, (top, h)) in lanes.iter().zip(&lane_tops) {
        let rows_height = lane.rows as f64 * ROW;
        let rows_top = top + (h - rows_height) / 2.0;
        for bar in &lane.bars {
            let (fill, stroke) = PALETTE[bar.colour as usize % PALETTE.len()];
            let x0 = x(bar.from);
            let w = (x(bar.until) - x0).max(1.0);
            let by = rows_top + bar.row as f64 * ROW + (ROW - BAR) / 2.0;
            let paint = if bar.start_known {
                fill.to_owned()
            } else {
                format!("url(#hatch-{})", bar.colour as usize % PALETTE.len())
            };
            let _ = writeln!(
                svg,
                "<g><title>{}</title><rect x=\"{x0:.1}\" y=\"{by:.1}\" width=\"{w:.1}\" height=\"{BAR}\" \
                 rx=\"3\" fill=\"{paint}\" stroke=\"{stroke}\"/>",
                escape(&bar.tooltip)
            );
            if let Some(label) = fit(&bar.label, w - 8.0, 12.0) {
                let class = if bar.start_known {
                    ""
                } else {
                    " class=\"halo\""
                };
                let _ = writeln!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#111\"{class}>{}</text>",
                    x0 + 4.0,
                    by + BAR - 4.0,
                    escape(&label)
                );
            }
            svg.push_str("</g>\n");
        }
    }
    svg.push_str("</g>\n");

    // Legend.
    let (fill, stroke) = PALETTE[0];
    let (mut lx, mut ly) = (MARGIN, legend_y);
    svg.push_str("<g class=\"legend\" font-size=\"12\" fill=\"#333\">\n");
    for (swatch, text) in LEGEND {
        let item_width = legend_width(text);
        if lx > MARGIN && lx + item_width > width - MARGIN {
            lx = MARGIN;
            ly += 24.0;
        }
        let paint = match swatch {
            Swatch::Bar(true) => fill,
            _ => "url(#hatch-0)",
        };
        match swatch {
            Swatch::Bar(_) => {
                let _ = write!(
                    svg,
                    "<rect x=\"{lx:.1}\" y=\"{ly:.1}\" width=\"28\" height=\"14\" rx=\"3\" fill=\"{paint}\" stroke=\"{stroke}\"/>"
                );
            }
            Swatch::Gap => {
                let _ = write!(
                    svg,
                    "<rect x=\"{lx:.1}\" y=\"{ly:.1}\" width=\"28\" height=\"14\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"3 2\"/>"
                );
            }
            Swatch::Notice => {
                let _ = write!(
                    svg,
                    "<line x1=\"{mx:.1}\" y1=\"{ly:.1}\" x2=\"{mx:.1}\" y2=\"{:.1}\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>",
                    ly + 14.0,
                    mx = lx + 14.0
                );
            }
        }
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx + 34.0,
            ly + 12.0,
            escape(text)
        );
        lx += item_width;
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

/// A legend entry's picture: a bar (start known or not), a gap, a notice
/// line.
#[derive(Clone, Copy)]
enum Swatch {
    Bar(bool),
    Gap,
    Notice,
}

const LEGEND: [(Swatch, &str); 4] = [
    (Swatch::Bar(true), "held, start recorded"),
    (
        Swatch::Bar(false),
        "held, start unknown (a removal with no recorded appointment)",
    ),
    (Swatch::Gap, "gap: vacant, or nothing recorded"),
    (Swatch::Notice, "a notice takes effect; （兼） concurrent"),
];

/// The width of a legend entry: swatch, text and the space after.
fn legend_width(text: &str) -> f64 {
    34.0 + text_width(text) * 12.0 / FONT + 24.0
}

/// How many rows the legend takes in a chart `width` wide.
fn legend_rows(width: f64) -> usize {
    let mut rows = 1;
    let mut x = MARGIN;
    for (_, text) in LEGEND {
        let w = legend_width(text);
        if x > MARGIN && x + w > width - MARGIN {
            rows += 1;
            x = MARGIN;
        }
        x += w;
    }
    rows
}

/// The first days of the months in `from..=to`.
fn month_starts(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let (mut year, mut month) = (from.year(), from.month());
    if from.day() != 1 {
        (year, month) = next_month(year, month);
    }
    while let Some(d) = NaiveDate::from_ymd_opt(year, month, 1) {
        if d > to {
            break;
        }
        months.push(d);
        (year, month) = next_month(year, month);
    }
    months
}

fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// Estimated width in pixels at the default font size.
fn text_width(text: &str) -> f64 {
    units(text) as f64 * FONT / 2.0
}

/// Width in half-em units: two for a wide (CJK, full-width) character, one
/// for any other.
fn units(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Breaks `text` into lines no wider than `width` pixels (at least one
/// character a line), as even as the fewest lines allow: a long post name
/// splits in two halves, not a full line and a last character.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let total = text_width(text);
    if total <= width {
        return vec![text.to_owned()];
    }
    let lines = (total / width).ceil().max(1.0);
    let target = (total / lines).max(FONT).min(width);
    let mut out = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        let mut candidate = line.clone();
        candidate.push(c);
        // Break before the character that would pass the target, unless
        // the line would stay under it by more than half a character.
        let over = text_width(&candidate) - target;
        if !line.is_empty() && (over > FONT / 2.0 || text_width(&candidate) > width) {
            out.push(std::mem::take(&mut line));
            line.push(c);
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// `text` cut (with `…`) to fit `width` pixels at `size`; `None` when not
/// even one character and the ellipsis fit.
fn fit(text: &str, width: f64, size: f64) -> Option<String> {
    let px = |s: &str| units(s) as f64 * size / 2.0;
    if px(text) <= width {
        return Some(text.to_owned());
    }
    let mut cut = String::new();
    for c in text.chars() {
        let mut candidate = cut.clone();
        candidate.push(c);
        candidate.push('…');
        if px(&candidate) > width {
            break;
        }
        cut.push(c);
    }
    if cut.is_empty() {
        None
    } else {
        cut.push('…');
        Some(cut)
    }
}

/// Text as XML character data or an attribute value: the five special
/// characters escaped, and characters XML 1.0 cannot hold at all dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn escape_makes_any_text_xml() {
        assert_eq!(
            escape("<a href=\"x\">&'\u{0}b"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;b"
        );
    }

    #[test]
    fn cjk_counts_two_units() {
        assert_eq!(units("陈建防"), 6);
        assert_eq!(units("12345中心"), 9);
    }

    #[test]
    fn months_in_range_include_the_end_when_it_is_a_first() {
        assert_eq!(
            month_starts(d(2022, 4, 1), d(2022, 7, 1)),
            [d(2022, 4, 1), d(2022, 5, 1), d(2022, 6, 1), d(2022, 7, 1)]
        );
        assert_eq!(
            month_starts(d(2022, 11, 15), d(2023, 2, 1)),
            [d(2022, 12, 1), d(2023, 1, 1), d(2023, 2, 1)]
        );
    }

    #[test]
    fn long_labels_wrap_and_bar_labels_shrink() {
        // 10 CJK characters are 130 px at 13 px.
        assert_eq!(
            wrap("一二三四五六七八九十", 65.0),
            ["一二三四五", "六七八九十"]
        );
        assert_eq!(fit("陈建防（兼）", 40.0, 12.0).as_deref(), Some("陈建…"));
        assert_eq!(fit("陈建防", 10.0, 12.0), None);
        assert_eq!(fit("陈建防", 36.0, 12.0).as_deref(), Some("陈建防"));
    }
}
