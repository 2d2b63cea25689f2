//! The `Engine`: configuration shared by every module compiled with it, and
//! the engine-wide registry of function signatures.
//!
//! Signatures get small integer ids so that `call_indirect`'s type check is
//! one integer compare against an immediate baked into the code. Ids are
//! engine-wide (not per module) because a table may hold functions of
//! several modules: two modules agree on an id exactly when they agree on the
//! type.

use crate::types::FuncType;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Settings for an [`Engine`].
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) max_wasm_stack: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_wasm_stack: 1 << 20,
        }
    }
}

impl Config {
    pub fn new() -> Config {
        Config::default()
    }

    /// The most stack (in bytes) wasm may use before it traps with
    /// `call stack exhausted`. The host thread's stack must be larger.
    pub fn max_wasm_stack(&mut self, bytes: usize) -> &mut Config {
        self.max_wasm_stack = bytes;
        self
    }
}

/// Compiles modules; cheap to clone (shared), `Send + Sync`.
#[derive(Clone, Default)]
pub struct Engine {
    pub(crate) inner: Arc<EngineInner>,
}

#[derive(Default)]
pub(crate) struct EngineInner {
    pub(crate) config: Config,
    signatures: Mutex<HashMap<FuncType, u32>>,
}

impl Engine {
    pub fn new(config: &Config) -> Engine {
        Engine {
            inner: Arc::new(EngineInner {
                config: config.clone(),
                signatures: Mutex::default(),
            }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The engine-wide id of a signature, registering it on first sight.
    pub(crate) fn signature_id(&self, ty: &FuncType) -> u32 {
        let mut sigs = self
            .inner
            .signatures
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let next = sigs.len() as u32;
        *sigs.entry(ty.clone()).or_insert(next)
    }
}
