//! `Memory`: a linear memory as the host sees it.

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::runtime::linear_memory::{LinearMemory, MAX_PAGES};
use crate::runtime::vmctx::MemoryDef;
use crate::types::MemoryType;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone)]
pub struct Memory {
    pub(crate) inner: Rc<MemoryInner>,
}

pub(crate) struct MemoryInner {
    max: Option<u32>,
    mem: RefCell<LinearMemory>,
}

impl Memory {
    pub fn new(_engine: &Engine, ty: MemoryType) -> Result<Memory> {
        if ty.min > MAX_PAGES || ty.max.is_some_and(|m| m > MAX_PAGES || m < ty.min) {
            return Err(Error::Usage(format!("invalid memory limits {ty:?}")));
        }
        let mem = LinearMemory::new(ty.min, ty.max).map_err(Error::Instantiation)?;
        Ok(Memory {
            inner: Rc::new(MemoryInner {
                max: ty.max,
                mem: RefCell::new(mem),
            }),
        })
    }

    /// The current type: the minimum is the current size (what import
    /// matching compares against).
    pub fn ty(&self) -> MemoryType {
        MemoryType {
            min: self.size(),
            max: self.inner.max,
        }
    }

    /// Current size in 64 KiB pages.
    pub fn size(&self) -> u32 {
        self.inner.mem.borrow().pages()
    }

    /// Current size in bytes.
    pub fn data_size(&self) -> usize {
        self.size() as usize * 65536
    }

    fn check(&self, offset: usize, len: usize) -> Result<()> {
        match offset.checked_add(len) {
            Some(end) if end <= self.data_size() => Ok(()),
            _ => Err(Error::Usage(format!(
                "memory access of {len} bytes at {offset} is out of bounds"
            ))),
        }
    }

    pub fn read(&self, offset: usize, buf: &mut [u8]) -> Result<()> {
        self.check(offset, buf.len())?;
        buf.copy_from_slice(&self.inner.mem.borrow().data()[offset..offset + buf.len()]);
        Ok(())
    }

    pub fn write(&self, offset: usize, data: &[u8]) -> Result<()> {
        self.check(offset, data.len())?;
        self.inner.mem.borrow_mut().data_mut()[offset..offset + data.len()].copy_from_slice(data);
        Ok(())
    }

    /// Grow by `delta` pages; returns the old size.
    pub fn grow(&self, delta: u32) -> Result<u32> {
        self.grow_inner(delta)
            .ok_or_else(|| Error::Usage(format!("cannot grow memory by {delta} pages")))
    }

    pub(crate) fn grow_inner(&self, delta: u32) -> Option<u32> {
        self.inner.mem.borrow_mut().grow(delta)
    }

    /// Run `f` on the accessible bytes (for the bulk-memory builtins).
    pub(crate) fn with_data<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(self.inner.mem.borrow_mut().data_mut())
    }

    pub(crate) fn base(&self) -> *mut u8 {
        self.inner.mem.borrow().base()
    }

    pub(crate) fn def_ptr(&self) -> *mut MemoryDef {
        self.inner.mem.borrow().def_ptr()
    }
}
