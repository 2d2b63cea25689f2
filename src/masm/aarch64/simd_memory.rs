//! Vector loads of fewer than 16 bytes and lane stores.
//!
//! The address is computed exactly as for the scalar loads and stores
//! (`memory_addr`: x27 + zext(addr) + offset, see `memory`), and the one
//! instruction that touches memory is a scalar-width SIMD&FP `ldr`/`str`
//! (B/H/S/D view), recorded as the `MemoryOutOfBounds` trap site. Whatever
//! reshaping the operator needs happens in registers around it:
//!
//! * extending loads: `ldr d`, then `sshll`/`ushll #0`;
//! * splat loads: `ldr` of the element, then `dup` from lane 0 (`ld1r`
//!   only takes a bare base register, which would cost the same add);
//! * `_zero` loads: `ldr s`/`ldr d` already clear the rest of the register;
//! * lane loads: `ldr` into v31, then `ins` into the lane (a lane load
//!   must keep `dst`'s other lanes, and the scalar `ldr` clears them);
//! * lane stores: lane 0 is stored from `src` directly; another lane is
//!   first copied to v31 with `dup` (before the address arithmetic, which
//!   only uses x16/x17).

use dynasmrt::DynasmApi;

use super::{a64, ldst, A64Masm, Addr, V31};
use crate::masm::simd::{Shape, VecLoadKind};
use crate::masm::Operand;
use crate::trap::TrapCode;

impl A64Masm {
    pub(super) fn emit_vec_load(&mut self, kind: VecLoadKind, d: u8, addr: Operand, offset: u32) {
        use VecLoadKind::*;
        let size = kind.bytes();
        let a = self.memory_addr(addr, offset, size);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        match size {
            1 => ldst!(self, ldr / ldur, B(d), a),
            2 => ldst!(self, ldr / ldur, H(d), a),
            4 => ldst!(self, ldr / ldur, S(d), a),
            _ => ldst!(self, ldr / ldur, D(d), a),
        }
        match kind {
            Load8x8S => a64!(self.asm ; sshll V(d).H8, V(d).B8, #0),
            Load8x8U => a64!(self.asm ; ushll V(d).H8, V(d).B8, #0),
            Load16x4S => a64!(self.asm ; sshll V(d).S4, V(d).H4, #0),
            Load16x4U => a64!(self.asm ; ushll V(d).S4, V(d).H4, #0),
            Load32x2S => a64!(self.asm ; sshll V(d).D2, V(d).S2, #0),
            Load32x2U => a64!(self.asm ; ushll V(d).D2, V(d).S2, #0),
            Splat8 => a64!(self.asm ; dup V(d).B16, V(d).B[0]),
            Splat16 => a64!(self.asm ; dup V(d).H8, V(d).H[0]),
            Splat32 => a64!(self.asm ; dup V(d).S4, V(d).S[0]),
            Splat64 => a64!(self.asm ; dup V(d).D2, V(d).D[0]),
            Zero32 | Zero64 => {}
        }
    }

    pub(super) fn emit_vec_load_lane(
        &mut self,
        shape: Shape,
        lane: u8,
        d: u8,
        addr: Operand,
        offset: u32,
    ) {
        let size = u32::from(shape.lane_bytes());
        let a = self.memory_addr(addr, offset, size);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        let lane = u32::from(lane);
        match size {
            1 => {
                ldst!(self, ldr / ldur, B(V31), a);
                a64!(self.asm ; ins V(d).B[lane], V(V31).B[0]);
            }
            2 => {
                ldst!(self, ldr / ldur, H(V31), a);
                a64!(self.asm ; ins V(d).H[lane], V(V31).H[0]);
            }
            4 => {
                ldst!(self, ldr / ldur, S(V31), a);
                a64!(self.asm ; ins V(d).S[lane], V(V31).S[0]);
            }
            _ => {
                ldst!(self, ldr / ldur, D(V31), a);
                a64!(self.asm ; ins V(d).D[lane], V(V31).D[0]);
            }
        }
    }

    pub(super) fn emit_vec_store_lane(
        &mut self,
        shape: Shape,
        lane: u8,
        s: u8,
        addr: Operand,
        offset: u32,
    ) {
        let size = u32::from(shape.lane_bytes());
        let lane32 = u32::from(lane);
        // The element to store, in the low bits of `v`.
        let v = if lane == 0 {
            s
        } else {
            match size {
                1 => a64!(self.asm ; dup B(V31), V(s).B[lane32]),
                2 => a64!(self.asm ; dup H(V31), V(s).H[lane32]),
                4 => a64!(self.asm ; dup S(V31), V(s).S[lane32]),
                _ => a64!(self.asm ; dup D(V31), V(s).D[lane32]),
            }
            V31
        };
        let a = self.memory_addr(addr, offset, size);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        match size {
            1 => ldst!(self, str / stur, B(v), a),
            2 => ldst!(self, str / stur, H(v), a),
            4 => ldst!(self, str / stur, S(v), a),
            _ => ldst!(self, str / stur, D(v), a),
        }
    }
}
