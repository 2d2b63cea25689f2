//! [`Pipe`]: an in-memory byte queue an embedder hands to a WASI program
//! as its standard input or output.
//!
//! Standard streams are inherited from the host process by default; an
//! embedder running many programs side by side, or a test, wants each
//! program's streams to itself. A `Pipe` is a cheap handle (clones share the
//! bytes): give one clone to [`WasiCtx::stdout`](super::WasiCtx::stdout)
//! and keep another to read back what the program wrote, or fill one and
//! give it to [`WasiCtx::stdin`](super::WasiCtx::stdin).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{Read, Write};
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct Pipe(Rc<RefCell<VecDeque<u8>>>);

impl Pipe {
    pub fn new() -> Pipe {
        Pipe::default()
    }

    /// A pipe that already holds `bytes` (for example a program's input).
    pub fn with_contents(bytes: &[u8]) -> Pipe {
        Pipe(Rc::new(RefCell::new(bytes.iter().copied().collect())))
    }

    /// The bytes written and not yet read, without consuming them.
    pub fn contents(&self) -> Vec<u8> {
        self.0.borrow().iter().copied().collect()
    }
}

/// Reading consumes bytes from the front; an empty pipe reads as end of
/// file.
impl Read for Pipe {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().read(buf)
    }
}

impl Write for Pipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
