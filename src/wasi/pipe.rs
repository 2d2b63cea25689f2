//! [`Pipe`]: an in-memory byte queue an embedder hands to a WASI program
//! as its standard input or output.
//!
//! Standard streams are inherited from the host process by default; an
//! embedder running many programs side by side, or a test, wants each
//! program's streams to itself. A `Pipe` is a cheap handle (clones share the
//! bytes, across threads too): give one clone to [`WasiCtx::stdout`](super::WasiCtx::stdout)
//! and keep another to read back what the program wrote, or fill one and
//! give it to [`WasiCtx::stdin`](super::WasiCtx::stdin).

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};

/// An in-memory byte queue for a program's standard streams.
#[derive(Clone, Debug, Default)]
pub struct Pipe(Arc<Mutex<VecDeque<u8>>>);

impl Pipe {
    /// An empty pipe.
    pub fn new() -> Pipe {
        Pipe::default()
    }

    /// A pipe that already holds `bytes` (for example a program's input).
    pub fn with_contents(bytes: &[u8]) -> Pipe {
        Pipe(Arc::new(Mutex::new(bytes.iter().copied().collect())))
    }

    /// The queue (a panic elsewhere while it was locked left it whole:
    /// every operation on it is a single call).
    fn queue(&self) -> MutexGuard<'_, VecDeque<u8>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The bytes written and not yet read, without consuming them.
    pub fn contents(&self) -> Vec<u8> {
        self.queue().iter().copied().collect()
    }
}

/// Reading consumes bytes from the front; an empty pipe reads as end of
/// file.
impl Read for Pipe {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.queue().read(buf)
    }
}

impl Write for Pipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.queue().extend(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
