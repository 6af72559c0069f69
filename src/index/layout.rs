//! The index file's bytes: a header, then sections of fixed-size records
//! that a reader reads a few at a time and casts (`bytemuck`).
//!
//! This module says what the bytes are and checks that a section is what
//! its header says (in bounds, aligned, a whole number of records) before
//! anything is read from it. It must never read past a section or trust a
//! number it has not bounds-checked: a damaged index is an error, never a
//! panic or a read out of range.
//!
//! All integers are little-endian (the crate reads the file only on
//! little-endian machines; see [`NATIVE`]). Days are counted from the
//! common era (`NaiveDate::num_days_from_ce`).

use bytemuck::{Pod, Zeroable};
use chrono::{Datelike, NaiveDate};

/// The eight bytes an index file begins with.
pub(super) const MAGIC: [u8; 8] = *b"APLINDEX";
/// The layout version this build writes and reads. It counts the rules of
/// the fold as well as the bytes: an index is the fold's answers, so a
/// build whose fold answers otherwise (2: a board's term is no part of a
/// post's identity; 3: a post's seats, so that an answer from the index
/// counts declared seats) writes a new version, and an older index is
/// rebuilt. (4: the header counts the alias declarations, which a reader
/// of the log's tail must know of; 5: each post's script name, by which a
/// post recorded past the index in the other script joins it.)
pub(super) const VERSION: u32 = 5;
/// Whether this machine stores integers as the file does: records are
/// cast from the bytes read, so a big-endian machine answers from a
/// replay instead.
pub(super) const NATIVE: bool = cfg!(target_endian = "little");

/// "None" in a 32-bit reference, a string id or a day.
pub(super) const NONE: u32 = u32::MAX;
/// "No day" for an unknown start's lower bound.
pub(super) const NO_DAY: i32 = i32::MIN;
/// A tenure's flags word: the model's flags in the low byte, and this bit
/// when the start is unknown.
pub(super) const START_UNKNOWN: u32 = 1 << 31;

/// The sections, in the order they follow the header.
#[derive(Clone, Copy, Debug)]
pub(super) enum Section {
    /// UTF-8 bytes of every string, one after another.
    Text,
    /// `u64`: where each string ends in `Text` (string `i` is
    /// `ends[i-1]..ends[i]`, from 0).
    Ends,
    /// [`PostRec`] by post id.
    Posts,
    /// [`PersonRec`] by person id.
    Persons,
    /// [`Row`]: each post's timeline, post after post.
    PostRows,
    /// [`Row`]: each person's timeline, person after person.
    PersonRows,
    /// [`TenureRec`].
    Tenures,
    /// [`RefRec`]: the events and amendments tenures cite.
    Refs,
    /// `u32`: the amendments each tenure lists, as [`RefRec`] ids.
    Corrections,
    /// [`NameRec`]: every written form a post answers to.
    PostNames,
    /// [`NameRec`]: every person's name (one record per namesake).
    PersonNames,
}

/// How many sections there are.
pub(super) const SECTIONS: usize = 11;

/// Where a section is in the file.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct Extent {
    pub offset: u64,
    pub len: u64,
}

/// The first bytes of an index file.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct Header {
    pub magic: [u8; 8],
    pub version: u32,
    /// How many events corrections rescinded (none of which a tenure
    /// shows): 0 says every post's and person's list of them is empty.
    pub rescinded: u32,
    /// How many alias declarations the log holds: 0 says a notice
    /// recorded after the index joins no post under another name.
    pub aliases: u32,
    /// Zero.
    pub reserved: u32,
    /// The log the index was built from: its entries, its length in bytes,
    /// the checksum of all of it, and of its header and last page.
    pub entries: u64,
    pub log_bytes: u64,
    pub log_crc: u32,
    pub log_tail: u32,
    /// The CRC-32C of every byte after the header.
    pub body_crc: u32,
    /// The CRC-32C of the header's bytes before this field, and of the
    /// section table after it.
    pub header_crc: u32,
    pub sections: [Extent; SECTIONS],
}

impl Header {
    /// The header's size in bytes, and where the first section may begin.
    pub const LEN: usize = std::mem::size_of::<Header>();

    /// The checksum `header_crc` holds.
    pub fn check(&self) -> u32 {
        let bytes = bytemuck::bytes_of(self);
        let at = std::mem::offset_of!(Header, header_crc);
        let crc = crc32c::crc32c(&bytes[..at]);
        crc32c::crc32c_append(crc, &bytes[at + 4..])
    }
}

/// A post: its names, its timeline's rows in `PostRows`, and its seats
/// as the ledger counts them (declared, or the title lexicon's):
/// [`SEVERAL`], or the limit.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct PostRec {
    pub organisation: u32,
    pub title: u32,
    pub rows: u32,
    pub len: u32,
    pub seats: u32,
}

/// [`PostRec::seats`] of a post of any number of holders.
pub(super) const SEVERAL: u32 = 0;

/// A person: name, id (or [`NONE`]) and timeline's rows in `PersonRows`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct PersonRec {
    pub name: u32,
    pub id: u32,
    pub rows: u32,
    pub len: u32,
}

/// One row of a timeline: the days `[from, until)` its tenure occupies,
/// the latest `until` of the rows so far, and the tenure.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct Row {
    pub from: i32,
    pub until: i32,
    pub max_until: i32,
    pub tenure: u32,
}

/// A tenure: who, where, when, with what flags, and what it cites.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct TenureRec {
    pub person: u32,
    pub post: u32,
    /// The start day, or (start unknown) the day before which it began.
    pub start: i32,
    /// An unknown start's lower bound, or [`NO_DAY`].
    pub after: i32,
    /// The end day ([`NaiveDate::MAX`] when open).
    pub end: i32,
    /// The model's flags, and [`START_UNKNOWN`].
    pub flags: u32,
    /// The appointment and the removal, as [`RefRec`] ids, or [`NONE`].
    pub opened: u32,
    pub closed: u32,
    /// The amendments, a range of `Corrections`.
    pub corrections: u32,
    pub corrections_len: u32,
}

/// An event or amendment a tenure cites: notice number and clause text (as
/// string ids), entry and clause.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct RefRec {
    pub notice: u32,
    pub seq: u32,
    pub clause: u32,
    pub text: u32,
}

/// A name a post or person answers to: its hash (sorted on), the string
/// and what it names.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Pod, Zeroable)]
pub(super) struct NameRec {
    pub hash: u64,
    pub name: u32,
    pub target: u32,
}

/// The FNV-1a hash of a name: stable across builds and machines, as a file
/// needs (a hasher of the standard library may be seeded).
pub(super) fn hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A date as a day number.
pub(super) fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A day number as a date; `None` for a number no date has (damage).
pub(super) fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_records_have_the_documented_sizes() {
        assert_eq!(Header::LEN, 56 + 16 * SECTIONS);
        assert_eq!(std::mem::size_of::<Row>(), 16);
        assert_eq!(std::mem::size_of::<TenureRec>(), 40);
        assert_eq!(std::mem::size_of::<RefRec>(), 16);
        assert_eq!(std::mem::size_of::<NameRec>(), 16);
    }

    #[test]
    fn every_date_round_trips_and_the_extremes_fit() {
        for d in [NaiveDate::MIN, NaiveDate::MAX, crate::ledger::EARLIEST] {
            assert_eq!(date(day(d)), Some(d));
        }
        assert_eq!(date(i32::MAX), None);
    }

    #[test]
    fn the_name_hash_is_fnv_1a() {
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
