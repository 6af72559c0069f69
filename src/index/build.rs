//! Writing an index: the fold of a ledger laid out as the sections of
//! [`layout`](super::layout).
//!
//! It reads the ledger's state and log and never changes them; it writes
//! the records exactly as the ledger's own queries would read the state
//! (each post's and person's timeline in order, with its running ends), so
//! that an index answers as the ledger does. It must never write a file
//! in place: the bytes go to a temporary file in the same directory,
//! which is fsynced and then renamed over the old index.

use std::io::Write;
use std::path::Path;

use super::layout::{
    self, Extent, Header, NONE, NameRec, PersonRec, PostRec, RefRec, Row, SECTIONS, START_UNKNOWN,
    TenureRec,
};
use crate::error::{Error, Result};
use crate::ledger::Ledger;
use crate::model::{Change, Seats};
use crate::state::{PersonId, PostId, script_name};
use crate::store::LogMark;
use crate::timeline::{End, EventAt, EventRef, Slot, Start, TenureRec as Held};

/// Strings written once each: names and texts the ledger shares are
/// recognised by address, so a clause's text shared by its events is one
/// string.
#[derive(Default)]
struct Strings {
    text: Vec<u8>,
    ends: Vec<u64>,
    seen: foldhash::HashMap<(usize, usize), u32>,
}

impl Strings {
    fn id(&mut self, s: &str) -> Result<u32> {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&id) = self.seen.get(&key) {
            return Ok(id);
        }
        let id = count(self.ends.len())?;
        self.text.extend_from_slice(s.as_bytes());
        self.ends.push(self.text.len() as u64);
        self.seen.insert(key, id);
        Ok(id)
    }
}

/// A count or position as the 32 bits the records hold.
fn count(n: usize) -> Result<u32> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n != NONE)
        .ok_or(Error::Full { entries: n as u64 })
}

/// The sections of an index, built from a ledger.
struct Build<'a> {
    ledger: &'a Ledger,
    strings: Strings,
    posts: Vec<PostRec>,
    persons: Vec<PersonRec>,
    post_rows: Vec<Row>,
    person_rows: Vec<Row>,
    tenures: Vec<TenureRec>,
    refs: Vec<RefRec>,
    corrections: Vec<u32>,
    /// A pair's tenure `t` is tenure `placed[first[pair] + t]`.
    first: Vec<usize>,
    placed: Vec<u32>,
    /// Each entry's notice number as a string id ([`NONE`] until written).
    numbers: Vec<u32>,
}

/// The index of `ledger` as bytes, with the mark of the log it covers.
pub(super) fn bytes(ledger: &Ledger, mark: LogMark) -> Result<Vec<u8>> {
    let state = ledger.state();
    let mut first = Vec::with_capacity(state.pairs().len());
    let mut total = 0;
    for pair in state.pairs() {
        first.push(total);
        total += pair.tenures.len();
    }
    let mut build = Build {
        ledger,
        strings: Strings::default(),
        posts: Vec::with_capacity(state.posts().len()),
        persons: Vec::with_capacity(state.persons().len()),
        post_rows: Vec::new(),
        person_rows: Vec::new(),
        tenures: Vec::with_capacity(total),
        refs: Vec::new(),
        corrections: Vec::new(),
        first,
        placed: vec![NONE; total],
        numbers: vec![NONE; ledger.len()],
    };
    for (id, post) in state.posts().iter().enumerate() {
        let line = state.post_line(PostId(count(id)?));
        let rows = count(build.post_rows.len())?;
        for (slot, max_until) in line.rows() {
            let tenure = build.tenure(slot)?;
            build.post_rows.push(row(slot, max_until, tenure));
        }
        let seats = match ledger
            .seats(PostId(count(id)?))
            .unwrap_or_else(|_| post.default_seats())
        {
            Seats::Several => layout::SEVERAL,
            Seats::Limit(n) => u32::from(n),
        };
        build.posts.push(PostRec {
            organisation: build.strings.id(post.organisation())?,
            title: build.strings.id(post.title())?,
            rows,
            len: count(line.slots().len())?,
            seats,
        });
    }
    for (id, person) in state.persons().iter().enumerate() {
        let line = state.person_line(PersonId(count(id)?));
        let rows = count(build.person_rows.len())?;
        for (slot, max_until) in line.rows() {
            let tenure = build.tenure(slot)?;
            build.person_rows.push(row(slot, max_until, tenure));
        }
        build.persons.push(PersonRec {
            name: build.strings.id(person.name())?,
            id: match person.id() {
                Some(id) => build.strings.id(id)?,
                None => NONE,
            },
            rows,
            len: count(line.slots().len())?,
        });
    }
    let mut post_names = Vec::new();
    for (name, id) in state.post_names() {
        post_names.push(name_rec(&mut build.strings, name, id.0)?);
    }
    // What a post recorded past the index is joined to it by (no query's
    // name: it holds a NUL; see `tail`).
    for (id, post) in state.posts().iter().enumerate() {
        let id = state.canonical(PostId(count(id)?));
        post_names.push(name_rec(&mut build.strings, &script_name(post), id.0)?);
    }
    let mut person_names = Vec::new();
    for (name, ids) in state.person_names() {
        for id in ids {
            person_names.push(name_rec(&mut build.strings, name, id.0)?);
        }
    }
    post_names.sort_unstable_by_key(|n| (n.hash, n.target));
    person_names.sort_unstable_by_key(|n| (n.hash, n.target));
    let aliases = ledger
        .log()
        .iter()
        .filter(|e| matches!(e.change, Change::Alias { .. }))
        .count();
    Ok(assemble(
        mark,
        (state.rescinded().count(), aliases),
        [
            &build.strings.text,
            bytemuck::cast_slice(&build.strings.ends),
            bytemuck::cast_slice(&build.posts),
            bytemuck::cast_slice(&build.persons),
            bytemuck::cast_slice(&build.post_rows),
            bytemuck::cast_slice(&build.person_rows),
            bytemuck::cast_slice(&build.tenures),
            bytemuck::cast_slice(&build.refs),
            bytemuck::cast_slice(&build.corrections),
            bytemuck::cast_slice(&post_names),
            bytemuck::cast_slice(&person_names),
        ],
    ))
}

fn name_rec(strings: &mut Strings, name: &str, target: u32) -> Result<NameRec> {
    Ok(NameRec {
        hash: layout::hash(name),
        name: strings.id(name)?,
        target,
    })
}

fn row(slot: &Slot, max_until: chrono::NaiveDate, tenure: u32) -> Row {
    Row {
        from: layout::day(slot.from()),
        until: layout::day(slot.until()),
        max_until: layout::day(max_until),
        tenure,
    }
}

impl Build<'_> {
    /// The id of the tenure a slot holds, written the first time a
    /// timeline shows it (a post's and a person's timelines show the same
    /// tenure).
    fn tenure(&mut self, slot: &Slot) -> Result<u32> {
        // Within its own pair's run only: a slot that names a tenure its
        // pair does not have (never, from a ledger's fold) is written as a
        // tenure of its own rather than taken for another pair's.
        let pair = slot.pair as usize;
        let within = self
            .ledger
            .state()
            .pairs()
            .get(pair)
            .map_or(0, |p| p.tenures.len());
        let at = self
            .first
            .get(pair)
            .filter(|_| (slot.tenure as usize) < within)
            .map(|first| first + slot.tenure as usize);
        if let Some(id) = at
            .and_then(|at| self.placed.get(at))
            .filter(|&&id| id != NONE)
        {
            return Ok(*id);
        }
        let id = count(self.tenures.len())?;
        let rec = self.tenure_rec(slot)?;
        self.tenures.push(rec);
        if let Some(at) = at {
            self.placed[at] = id;
        }
        Ok(id)
    }

    fn tenure_rec(&mut self, slot: &Slot) -> Result<TenureRec> {
        let held: &Held = &slot.rec;
        let (start, after, unknown) = match held.start {
            Start::On(d) => (layout::day(d), layout::NO_DAY, 0),
            Start::Unknown { after, before } => (
                layout::day(before),
                after.map_or(layout::NO_DAY, layout::day),
                START_UNKNOWN,
            ),
        };
        let end = layout::day(match held.end {
            End::On(d) => d,
            End::Open => chrono::NaiveDate::MAX,
        });
        let opened = self.reference(held.opened)?;
        let closed = self.reference(held.closed)?;
        let corrections = count(self.corrections.len())?;
        let cited = self.ledger.corrections_of(held);
        for event in &cited {
            let id = self.event(*event)?;
            self.corrections.push(id);
        }
        Ok(TenureRec {
            person: slot.person.0,
            post: slot.post.0,
            start,
            after,
            end,
            flags: u32::from(held.flags.bits()) | unknown,
            opened,
            closed,
            corrections,
            corrections_len: count(cited.len())?,
        })
    }

    fn reference(&mut self, at: Option<EventAt>) -> Result<u32> {
        match at.and_then(|at| self.ledger.event_ref(at)) {
            Some(event) => self.event(event),
            None => Ok(NONE),
        }
    }

    fn event(&mut self, event: EventRef<'_>) -> Result<u32> {
        let slot = usize::try_from(event.seq())
            .ok()
            .and_then(|seq| seq.checked_sub(1))
            .filter(|&at| at < self.numbers.len());
        let notice = match slot.map(|at| self.numbers[at]) {
            Some(id) if id != NONE => id,
            _ => {
                let id = self.strings.id(event.notice())?;
                if let Some(at) = slot {
                    self.numbers[at] = id;
                }
                id
            }
        };
        let id = count(self.refs.len())?;
        self.refs.push(RefRec {
            notice,
            seq: u32::try_from(event.seq()).map_err(|_| Error::Full {
                entries: event.seq(),
            })?,
            clause: event.clause(),
            text: self.strings.id(event.text())?,
        });
        Ok(id)
    }
}

/// The header and the sections, each section starting on an 8-byte
/// boundary.
fn assemble(
    mark: LogMark,
    (rescinded, aliases): (usize, usize),
    sections: [&[u8]; SECTIONS],
) -> Vec<u8> {
    let total: usize = Header::LEN + sections.iter().map(|s| s.len() + 8).sum::<usize>();
    let mut out = vec![0u8; Header::LEN];
    out.reserve(total);
    let mut table = [Extent::default(); SECTIONS];
    for (extent, bytes) in table.iter_mut().zip(sections) {
        while !out.len().is_multiple_of(8) {
            out.push(0);
        }
        *extent = Extent {
            offset: out.len() as u64,
            len: bytes.len() as u64,
        };
        out.extend_from_slice(bytes);
    }
    let mut header = Header {
        magic: layout::MAGIC,
        version: layout::VERSION,
        rescinded: u32::try_from(rescinded).unwrap_or(u32::MAX),
        aliases: u32::try_from(aliases).unwrap_or(u32::MAX),
        reserved: 0,
        entries: mark.entries,
        log_bytes: mark.bytes,
        log_crc: mark.crc,
        log_tail: mark.tail,
        body_crc: crc32c::crc32c(&out[Header::LEN..]),
        header_crc: 0,
        sections: table,
    };
    header.header_crc = header.check();
    out[..Header::LEN].copy_from_slice(bytemuck::bytes_of(&header));
    out
}

/// Writes `bytes` as the file `path`, atomically: into a temporary file
/// beside it, fsynced, renamed over `path`, and the directory fsynced. A
/// crash at any point leaves the old file or the new one, never a part.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, &e);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".index-");
    // Readable as the ledger file is (the mode a new file gets under the
    // process's umask), not only by its writer: readers are often other
    // users.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, &e))
}
