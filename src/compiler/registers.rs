//! Which allocatable registers are free.
//!
//! A register holds at most one value-stack entry (locals are never cached in
//! registers; `local.get` stays latent instead), so the state is just a free
//! set per class. When none is free the compiler spills *one* entry — the
//! deepest register-held one, the value least likely to be needed soon —
//! rather than everything (see `FuncCompiler::alloc_reg`).

use super::value_stack::Slot;
use super::FuncCompiler;
use crate::masm::{MacroAssembler, Reg, RegClass};

#[derive(Clone)]
pub struct RegFile {
    int_order: &'static [Reg],
    float_order: &'static [Reg],
    /// Bit `hw` set = register `hw` of that class is free.
    free_int: u32,
    free_float: u32,
    /// The same sets with every allocatable register free.
    all_int: u32,
    all_float: u32,
}

fn mask(regs: &[Reg]) -> u32 {
    regs.iter().fold(0, |m, r| m | 1 << r.hw)
}

impl RegFile {
    pub fn new(int_order: &'static [Reg], float_order: &'static [Reg]) -> RegFile {
        let (all_int, all_float) = (mask(int_order), mask(float_order));
        RegFile {
            int_order,
            float_order,
            free_int: all_int,
            free_float: all_float,
            all_int,
            all_float,
        }
    }

    fn set(&mut self, class: RegClass) -> &mut u32 {
        match class {
            RegClass::Int => &mut self.free_int,
            RegClass::Float => &mut self.free_float,
        }
    }

    /// The allocatable registers of a class, in preference order.
    pub fn order(&self, class: RegClass) -> &'static [Reg] {
        match class {
            RegClass::Int => self.int_order,
            RegClass::Float => self.float_order,
        }
    }

    pub fn is_allocatable(&self, reg: Reg) -> bool {
        let all = match reg.class {
            RegClass::Int => self.all_int,
            RegClass::Float => self.all_float,
        };
        all & (1 << reg.hw) != 0
    }

    pub fn is_free(&self, reg: Reg) -> bool {
        let set = match reg.class {
            RegClass::Int => self.free_int,
            RegClass::Float => self.free_float,
        };
        set & (1 << reg.hw) != 0
    }

    /// Take the first free register of `class` not in `exclude` (a mask of
    /// hardware numbers).
    pub fn alloc(&mut self, class: RegClass, exclude: u32) -> Option<Reg> {
        let free = *self.set(class) & !exclude;
        let reg = *self.order(class).iter().find(|r| free & (1 << r.hw) != 0)?;
        *self.set(class) &= !(1 << reg.hw);
        Some(reg)
    }

    /// Mark a specific free register as used.
    pub fn claim(&mut self, reg: Reg) {
        debug_assert!(self.is_free(reg), "claiming a busy register {reg:?}");
        *self.set(reg.class) &= !(1 << reg.hw);
    }

    pub fn free(&mut self, reg: Reg) {
        debug_assert!(!self.is_free(reg), "freeing a free register {reg:?}");
        *self.set(reg.class) |= 1 << reg.hw;
    }

    /// Everything free again.
    pub fn reset(&mut self) {
        self.free_int = self.all_int;
        self.free_float = self.all_float;
    }
}

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// A free register of `class`, spilling one value if none is.
    pub(super) fn alloc_reg(&mut self, class: RegClass) -> Reg {
        self.alloc_reg_excluding(class, 0)
    }

    pub(super) fn alloc_reg_excluding(&mut self, class: RegClass, exclude: u32) -> Reg {
        loop {
            if let Some(r) = self.regs.alloc(class, exclude) {
                return r;
            }
            // Spill the deepest register-held entry of this class: it is the
            // value least likely to be consumed next. The search starts at
            // the stack's watermark for the class and moves it up past
            // the victim, unless it had to step over an excluded register.
            let start = self.stack.reg_floor(class);
            let mut kept = None;
            let mut victim = None;
            for depth in start..self.stack.len() {
                if let Slot::Reg(r) = self.stack[depth].slot {
                    if r.class != class {
                        continue;
                    }
                    if exclude & (1 << r.hw) == 0 {
                        victim = Some(depth);
                        break;
                    }
                    kept.get_or_insert(depth);
                }
            }
            let victim = victim.expect("register pressure with no spillable value");
            self.spill_entry(victim);
            self.stack
                .raise_reg_floor(class, kept.unwrap_or(victim + 1));
        }
    }
}
