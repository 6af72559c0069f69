//! Appointments written as a table, one person a line:
//!
//! ```text
//! 姓名　　原职务　　　　　　新职务
//! 刘建军　娄星区第三中学校长　　娄星区第一中学校长
//! 肖　伟　娄星区石井中学校长　　娄星区涟滨实验学校校长
//! 李　红　娄星区涟滨实验学校校长　退休
//! 曾志勇　　　　　　　　　　　　娄星区石井中学校长（试用期一年）
//! ```
//!
//! A header line names the person's column (`姓名`) and at least one post
//! column: the post held before (`原职务`, `现任职务`, `现职务`), which the
//! person leaves, and the post taken (`新职务`, `任职`), which the person is
//! appointed to; a table of proposals (`拟任职务`) records nothing, and a
//! cell as near one column as the other is the new post's. The rows run to
//! the first blank line or
//! sentence. A row's cells are its runs of text between white space: the
//! cells before the first post are the name (`肖　伟` is 肖伟), each post
//! goes to the header column it starts nearest, and a reason in the new
//! post's column (`退休`, `另有任用`) appoints to nothing.

use crate::model::{EventKind, Flags, Post};

use super::{Line, markers, posts};

/// Which post a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Left,
    Taken,
    /// `拟任职务`: a proposal. A table with one records nothing.
    Proposed,
}

/// A table's header: where (in characters) each post column starts.
#[derive(Debug)]
pub(super) struct Header {
    columns: Vec<(usize, Column)>,
}

/// One row read: the person's written name and each post with whether it
/// is taken or left.
#[derive(Debug)]
pub(super) struct Row {
    pub name: String,
    pub events: Vec<(EventKind, Post, Flags)>,
}

/// The cells of a raw line: each run of text between white space, with
/// the character offset it starts at.
fn cells(raw: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (offset, (at, c)) in raw.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((begins, from)) = start.take() {
                out.push((begins, raw.get(from..at).unwrap_or("")));
            }
        } else if start.is_none() {
            start = Some((offset, at));
        }
    }
    if let Some((offset, from)) = start {
        out.push((offset, raw.get(from..).unwrap_or("")));
    }
    out
}

/// The header a line is, if it is one.
pub(super) fn header(line: &Line<'_>) -> Option<Header> {
    let norm: &str = &line.norm;
    if !norm.starts_with("姓名") || !(norm.contains("职务") || norm.contains("职位")) {
        return None;
    }
    let columns: Vec<(usize, Column)> = cells(line.raw)
        .into_iter()
        .filter_map(|(offset, cell)| {
            let column = if ["原", "现"].iter().any(|w| cell.starts_with(w)) {
                Column::Left
            } else if cell.starts_with("拟") {
                Column::Proposed
            } else if ["新", "任"].iter().any(|w| cell.starts_with(w)) {
                Column::Taken
            } else {
                return None;
            };
            Some((offset, column))
        })
        .collect();
    (!columns.is_empty()).then_some(Header { columns })
}

impl Header {
    /// The column a cell starting at `offset` belongs to: the one whose
    /// header starts nearest.
    fn column_at(&self, offset: usize) -> Option<Column> {
        // A cell as far from both columns goes to the new post's.
        self.columns
            .iter()
            .min_by_key(|(start, column)| (start.abs_diff(offset), *column != Column::Taken))
            .map(|(_, column)| *column)
    }

    /// Reads one row; `Err` with the reason when it is no row of this
    /// table.
    pub fn row(&self, raw: &str) -> Result<Row, String> {
        let cells = cells(raw);
        let proposal = self.columns.iter().any(|(_, c)| *c == Column::Proposed);
        let first_post = cells
            .iter()
            .position(|(_, cell)| posts(cell).is_ok() || markers(cell).is_some())
            .ok_or_else(|| "a table row with no post".to_owned())?;
        let name: String = cells
            .get(..first_post)
            .unwrap_or(&[])
            .iter()
            .map(|(_, cell)| *cell)
            .collect();
        let mut events = Vec::new();
        for (offset, cell) in cells.get(first_post..).unwrap_or(&[]) {
            // `退休`, `另有任用`: a reason, no post.
            if markers(cell).is_some() {
                continue;
            }
            let kind = match self.column_at(*offset) {
                Some(Column::Left) => EventKind::Remove,
                Some(Column::Taken) | None => EventKind::Appoint,
                Some(Column::Proposed) => continue,
            };
            for (post, flags) in posts(cell)? {
                events.push((kind, post, flags));
            }
        }
        if proposal {
            // A proposal table (`现任职务　拟任职务`): nothing is decided.
            events.clear();
        }
        Ok(Row { name, events })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(raw: &str) -> Line<'_> {
        Line::new(1, raw)
    }

    #[test]
    fn rows_go_by_their_header_columns() {
        let header = header(&line("姓名　　原职务　　　　　　　　新职务")).unwrap();
        let row = header
            .row("肖　伟　娄星区石井中学校长　　娄星区涟滨实验学校校长")
            .unwrap();
        assert_eq!(row.name, "肖伟");
        let kinds: Vec<(EventKind, String)> = row
            .events
            .iter()
            .map(|(k, p, _)| (*k, p.to_string()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (EventKind::Remove, "娄星区石井中学校长".to_owned()),
                (EventKind::Appoint, "娄星区涟滨实验学校校长".to_owned()),
            ]
        );
        // Only the new post, under its column.
        let row = header
            .row("曾志勇　　　　　　　　　　　　娄星区石井中学校长（试用期一年）")
            .unwrap();
        assert_eq!(row.events.len(), 1);
        assert_eq!(row.events[0].0, EventKind::Appoint);
        assert_eq!(row.events[0].2.to_string(), "probation");
        // A reason in the new column appoints to nothing.
        let row = header.row("李　红　娄星区涟滨实验学校校长　退休").unwrap();
        assert_eq!(row.events.len(), 1);
        assert_eq!(row.events[0].0, EventKind::Remove);
        assert!(header.row("以上同志任职时间自2023年8月25日起").is_err());
        // A proposal: nothing decided.
        let proposed = super::header(&line("姓名　现任职务　　　　拟任职务")).unwrap();
        let row = proposed
            .row("张三　某县财政局副局长　某县财政局局长")
            .unwrap();
        assert!(row.events.is_empty());
        assert!(super::header(&line("张三为某局局长")).is_none());
    }
}
