//! Reading a binary card index a window at a time, from memory or from a
//! buffer outside wasm memory.

use crate::error::DatasetError;
use crate::varint::damaged;

/// Where a binary card index's bytes are read from: a slice in memory, or (in
/// the browser) a buffer outside wasm memory that is copied in a window at a
/// time.
pub trait Source {
    /// The file's length in bytes.
    fn size(&self) -> usize;
    /// Appends the file's bytes `from..to` to `out` (`to` is at most [`Source::size`]).
    fn append(&self, from: usize, to: usize, out: &mut Vec<u8>);
}

impl Source for &[u8] {
    fn size(&self) -> usize {
        self.len()
    }

    fn append(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        out.extend_from_slice(&self[from..to]);
    }
}

/// How many bytes a [`Reader`] copies from its source at once.
const WINDOW: usize = 64 * 1024;

/// A window on the part of the file from `base` to `end`, refilled from the
/// source as reading moves on.
pub(super) struct Reader<'a> {
    src: &'a dyn Source,
    /// Where its part of the file ends.
    pub(super) end: usize,
    buf: Vec<u8>,
    /// The file offset of `buf[0]`.
    base: usize,
    /// The read position in `buf`.
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(src: &'a dyn Source, base: usize, end: usize) -> Reader<'a> {
        Reader { src, end: end.min(src.size()), buf: Vec::new(), base, at: 0 }
    }

    /// The read position in the file.
    pub(super) fn pos(&self) -> usize {
        self.base + self.at
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos() >= self.end
    }

    /// Makes the next `n` bytes readable from `buf`, or as many as its part still has.
    fn fill(&mut self, n: usize) {
        if self.at + n <= self.buf.len() {
            return;
        }
        self.buf.drain(..self.at);
        self.base += self.at;
        self.at = 0;
        let have = self.base + self.buf.len();
        let want = self.base.saturating_add(n.max(WINDOW)).min(self.end);
        if want > have {
            self.src.append(have, want, &mut self.buf);
        }
    }

    pub(super) fn num(&mut self) -> Result<u32, DatasetError> {
        self.fill(5);
        let mut at = self.at;
        match crate::varint::read(&self.buf, &mut at) {
            Ok(n) => {
                self.at = at;
                Ok(n)
            }
            Err(DatasetError::Damaged { offset, message }) => {
                Err(DatasetError::Damaged { offset: self.base + offset, message })
            }
            Err(other) => Err(other),
        }
    }

    /// The next `n` bytes.
    pub(super) fn bytes(&mut self, n: usize) -> Result<&[u8], DatasetError> {
        self.fill(n);
        let from = self.at;
        if self.buf.len() - from < n {
            return Err(damaged(self.base + self.buf.len(), "the file ends early"));
        }
        self.at += n;
        Ok(&self.buf[from..from + n])
    }

    /// A count of items that each take at least a byte, so no count can ask
    /// for more memory than the file could describe.
    pub(super) fn count(&mut self, limit: usize) -> Result<usize, DatasetError> {
        let at = self.pos();
        let n = self.num()? as usize;
        if n > limit {
            return Err(damaged(at, "a count is larger than the file"));
        }
        Ok(n)
    }
}
