//! Resource limits: what a store's guests may grow to, decided by the host.
//!
//! Engine-wide ceilings (`Config::max_memory_pages`,
//! `Config::max_table_elements`) bound every guest the same way. A host
//! that serves many tenants also needs per-store policy: this tenant may
//! use 64 MiB, that one 1 GiB, and none may create more than ten instances.
//! A [`ResourceLimiter`] set on a store (`Store::limiter`) is asked before
//! every memory or table growth, the initial allocation at instantiation
//! included, and bounds the number of instances, memories and tables the
//! store creates. [`StoreLimits`] is the ready-made one, as in wasmtime.

use crate::error::Result;

/// The host's policy for a store's resources (see the module docs).
pub trait ResourceLimiter {
    /// A memory wants to grow from `current` to `desired` bytes (`maximum`
    /// is its declared maximum, if any). `Ok(false)` makes the growth fail
    /// (`memory.grow` returns -1, an instantiation fails). An error does
    /// the same: unlike wasmtime, Flint does not trap the guest with it.
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> Result<bool>;

    /// A table wants to grow from `current` to `desired` elements, as
    /// [`ResourceLimiter::memory_growing`].
    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> Result<bool>;

    /// How many instances the store may hold.
    fn instances(&self) -> usize {
        DEFAULT_LIMIT
    }

    /// How many tables the store may hold.
    fn tables(&self) -> usize {
        DEFAULT_LIMIT
    }

    /// How many memories the store may hold.
    fn memories(&self) -> usize {
        DEFAULT_LIMIT
    }
}

/// The default count limits (wasmtime's).
pub const DEFAULT_LIMIT: usize = 10_000;

/// A [`ResourceLimiter`] with fixed limits, built with
/// [`StoreLimitsBuilder`].
#[derive(Clone, Debug)]
pub struct StoreLimits {
    memory_size: Option<usize>,
    table_elements: Option<usize>,
    instances: usize,
    tables: usize,
    memories: usize,
}

impl Default for StoreLimits {
    fn default() -> StoreLimits {
        StoreLimits {
            memory_size: None,
            table_elements: None,
            instances: DEFAULT_LIMIT,
            tables: DEFAULT_LIMIT,
            memories: DEFAULT_LIMIT,
        }
    }
}

impl ResourceLimiter for StoreLimits {
    fn memory_growing(&mut self, _: usize, desired: usize, _: Option<usize>) -> Result<bool> {
        Ok(self.memory_size.is_none_or(|limit| desired <= limit))
    }

    fn table_growing(&mut self, _: usize, desired: usize, _: Option<usize>) -> Result<bool> {
        Ok(self.table_elements.is_none_or(|limit| desired <= limit))
    }

    fn instances(&self) -> usize {
        self.instances
    }

    fn tables(&self) -> usize {
        self.tables
    }

    fn memories(&self) -> usize {
        self.memories
    }
}

/// Builds a [`StoreLimits`].
#[derive(Clone, Debug, Default)]
pub struct StoreLimitsBuilder(StoreLimits);

impl StoreLimitsBuilder {
    /// No limits beyond the engine's (and 10,000 of each object).
    pub fn new() -> StoreLimitsBuilder {
        StoreLimitsBuilder::default()
    }

    /// Each memory may hold at most `bytes` bytes.
    pub fn memory_size(mut self, bytes: usize) -> Self {
        self.0.memory_size = Some(bytes);
        self
    }

    /// Each table may hold at most `elements` elements.
    pub fn table_elements(mut self, elements: usize) -> Self {
        self.0.table_elements = Some(elements);
        self
    }

    /// The store may hold at most `n` instances.
    pub fn instances(mut self, n: usize) -> Self {
        self.0.instances = n;
        self
    }

    /// The store may hold at most `n` tables.
    pub fn tables(mut self, n: usize) -> Self {
        self.0.tables = n;
        self
    }

    /// The store may hold at most `n` memories.
    pub fn memories(mut self, n: usize) -> Self {
        self.0.memories = n;
        self
    }

    /// The limits.
    pub fn build(self) -> StoreLimits {
        self.0
    }
}
