//! What a command that writes to the ledger says about its work, on a
//! standard output that may close or fail under it.

use std::process::ExitCode;

use appointment_ledger::Error;

use super::write_out;

/// What a command that writes to the ledger prints about its work. A
/// standard output that closes or fails never stops the work (a notice
/// half imported because `| head` stopped reading is work reported done
/// and not done): the report stops, the work goes on, and standard error
/// says how it ended.
#[derive(Default)]
pub struct Report {
    /// The first failed write to standard output; nothing is written after
    /// it.
    lost: Option<Error>,
}

impl Report {
    /// Prints a line of the report, unless the report was already cut.
    pub fn line(&mut self, text: std::fmt::Arguments<'_>) {
        if self.lost.is_none()
            && let Err(e) = write_out(format_args!("{text}\n"))
        {
            self.lost = Some(e);
        }
    }

    /// Ends the report of an import: as [`Report::finish`], then the
    /// summary line on standard error, where the problems were said.
    pub fn finish_with_summary(self, summary: &str, status: ExitCode) -> ExitCode {
        let status = match self.lost {
            None => status,
            Some(Error::Io {
                kind: std::io::ErrorKind::BrokenPipe,
                ..
            }) => {
                say!("note: standard output was closed; the work went on to its end");
                status
            }
            Some(e) => {
                say!("error: {e}; the report is incomplete, the work was done");
                ExitCode::FAILURE
            }
        };
        say!("{summary}");
        status
    }

    /// Ends the report and gives the exit status: the work's `status` when
    /// the report was written whole, or when a reader closed the pipe (it
    /// has what it wanted; `done`, what the work did, goes to standard
    /// error); 1 when standard output failed otherwise (a full disk), so
    /// that the report the user asked to keep is known to be lost.
    pub fn finish(self, done: &str, status: ExitCode) -> ExitCode {
        match self.lost {
            None => status,
            Some(Error::Io {
                kind: std::io::ErrorKind::BrokenPipe,
                ..
            }) => {
                say!("note: standard output was closed; the work went on to its end: {done}");
                status
            }
            Some(e) => {
                say!("error: {e}; the report is incomplete, the work was done: {done}");
                ExitCode::FAILURE
            }
        }
    }
}

/// `1 file`, `2 files`: a count with its noun in the right number.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
