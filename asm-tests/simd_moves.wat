;; targets: x86_64 aarch64
;;
;; Moving whole v128 values: constants (all-zero and all-ones get their
;; one-instruction idioms, anything else is built from scalar halves),
;; params and results, locals (a v128 frame slot is 16 bytes: two 8-byte
;; slots), select on a vector, mutable and immutable v128 globals, and a
;; call that passes and returns vectors.

(module
  (global $g (mut v128) (v128.const i64x2 0 0))
  (global $c v128 (v128.const i32x4 1 2 3 4))
  (func $consts (result v128 v128 v128 v128)
    (v128.const i64x2 0 0)
    (v128.const i64x2 -1 -1)
    (v128.const i32x4 1 2 3 4)
    (v128.const i64x2 0x0102030405060708 0))
  (func $params (param v128 v128) (result v128)
    (local v128)
    (local.set 2 (local.get 1))
    (local.tee 2 (local.get 0))
    (drop)
    (local.get 2))
  (func $select (param v128 v128 i32) (result v128)
    (select (local.get 0) (local.get 1) (local.get 2)))
  (func $select_typed (param v128 v128 i32) (result v128)
    (select (result v128) (local.get 0) (local.get 1) (local.get 2)))
  (func $globals (param v128) (result v128)
    (global.set $g (local.get 0))
    (global.get $c))
  (func $call (param v128 v128) (result v128)
    (call $params (local.get 1) (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 $consts (result v128 v128 v128 v128): 110 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x50
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6c
;;   0x60    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000 [v128:xmm0]
;;             001b  xorps xmm0, xmm0
;;   0x72    v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0xffffffff [v128:xmm0, v128:xmm1]
;;             001f  pcmpeqd xmm1, xmm1
;;   0x84    v128.const i32x4 0x00000001 0x00000002 0x00000003 0x00000004 [v128:xmm0, v128:xmm1, v128:xmm2]
;;             0024  mov rax, 0x200000001
;;             002e  movq xmm2, rax
;;             0033  mov rax, 0x400000003
;;             003d  pinsrq xmm2, rax, 1
;;   0x96    v128.const i32x4 0x05060708 0x01020304 0x00000000 0x00000000 [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3]
;;             0044  mov rax, 0x102030405060708
;;             004e  movq xmm3, rax
;;   0xa8    end                           (returned)
;;             0053  movdqu [rbp+0x10], xmm0
;;             0058  movdqu [rbp+0x20], xmm1
;;             005d  movdqu [rbp+0x30], xmm2
;;             0062  movdqu [rbp+0x40], xmm3
;;             0067  mov rsp, rbp
;;             006a  pop rbp
;;             006b  ret
;;           out-of-line stubs
;;             006c  ud2  ; trap: call stack exhausted
;;
;; func 1 $params (param v128 v128) (result v128): 73 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x47
;;             001b  xor eax, eax
;;             001d  mov [rbp-0x18], rax
;;             0021  mov [rbp-0x10], rax
;;   0xad    local.get 1                   [v128:local 1]
;;   0xaf    local.set 2                   []
;;             0025  movdqu xmm15, [rbp+0x20]
;;             002b  movdqu [rbp-0x18], xmm15
;;   0xb1    local.get 0                   [v128:local 0]
;;   0xb3    local.tee 2                   [v128:local 2]
;;             0031  movdqu xmm15, [rbp+0x10]
;;             0037  movdqu [rbp-0x18], xmm15
;;   0xb5    drop                          []
;;   0xb6    local.get 2                   [v128:local 2]
;;   0xb8    end                           (returned)
;;             003d  movdqu xmm0, [rbp-0x18]
;;             0042  mov rsp, rbp
;;             0045  pop rbp
;;             0046  ret
;;           out-of-line stubs
;;             0047  ud2  ; trap: call stack exhausted
;;
;; func 2 $select (param v128 v128 i32) (result v128): 59 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x39
;;   0xbb    local.get 0                   [v128:local 0]
;;   0xbd    local.get 1                   [v128:local 0, v128:local 1]
;;   0xbf    local.get 2                   [v128:local 0, v128:local 1, i32:local 2]
;;   0xc1    select                        [v128:xmm1]
;;             001b  mov ebx, [rbp+0x30]
;;             001e  movdqu xmm0, [rbp+0x20]
;;             0023  movdqu xmm1, [rbp+0x10]
;;             0028  test ebx, ebx
;;             002a  jne 0x30
;;             002c  movaps xmm1, xmm0
;;   0xc2    end                           (returned)
;;             0030  movaps xmm0, xmm1
;;             0034  mov rsp, rbp
;;             0037  pop rbp
;;             0038  ret
;;           out-of-line stubs
;;             0039  ud2  ; trap: call stack exhausted
;;
;; func 3 $select_typed (param v128 v128 i32) (result v128): 59 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x39
;;   0xc5    local.get 0                   [v128:local 0]
;;   0xc7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xc9    local.get 2                   [v128:local 0, v128:local 1, i32:local 2]
;;   0xcb    select (result v128)          [v128:xmm1]
;;             001b  mov ebx, [rbp+0x30]
;;             001e  movdqu xmm0, [rbp+0x20]
;;             0023  movdqu xmm1, [rbp+0x10]
;;             0028  test ebx, ebx
;;             002a  jne 0x30
;;             002c  movaps xmm1, xmm0
;;   0xce    end                           (returned)
;;             0030  movaps xmm0, xmm1
;;             0034  mov rsp, rbp
;;             0037  pop rbp
;;             0038  ret
;;           out-of-line stubs
;;             0039  ud2  ; trap: call stack exhausted
;;
;; func 4 $globals (param v128) (result v128): 63 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3d
;;   0xd1    local.get 0                   [v128:local 0]
;;   0xd3    global.set $g                 []
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  mov rax, [r14+0xa8]
;;             0027  movdqu [rax], xmm0
;;   0xd5    global.get $c                 [v128:xmm0]
;;             002c  mov rax, [r14+0xb0]
;;             0033  movdqu xmm0, [rax]
;;   0xd7    end                           (returned)
;;             0038  mov rsp, rbp
;;             003b  pop rbp
;;             003c  ret
;;           out-of-line stubs
;;             003d  ud2  ; trap: call stack exhausted
;;
;; func 5 $call (param v128 v128) (result v128): 64 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x50
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3e
;;   0xda    local.get 1                   [v128:local 1]
;;   0xdc    local.get 0                   [v128:local 1, v128:local 0]
;;   0xde    call $params                  [v128:xmm0]
;;             001b  movdqu xmm15, [rbp+0x20]
;;             0021  movdqu [rsp], xmm15
;;             0027  movdqu xmm15, [rbp+0x10]
;;             002d  movdqu [rsp+0x10], xmm15
;;             0034  call <func 1 $params>
;;   0xe0    end                           (returned)
;;             0039  mov rsp, rbp
;;             003c  pop rbp
;;             003d  ret
;;           out-of-line stubs
;;             003e  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $consts (result v128 v128 v128 v128): 124 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x50
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x78
;;   0x60    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000 [v128:q0]
;;             0028  movi v0.2d, #0x0
;;   0x72    v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0xffffffff [v128:q0, v128:q1]
;;             002c  movi v1.2d, #0xffffffffffffffff
;;   0x84    v128.const i32x4 0x00000001 0x00000002 0x00000003 0x00000004 [v128:q0, v128:q1, v128:q2]
;;             0030  mov x17, #0x1
;;             0034  movk x17, #0x2, lsl #32
;;             0038  fmov d2, x17
;;             003c  mov x17, #0x3
;;             0040  movk x17, #0x4, lsl #32
;;             0044  mov v2.d[1], x17
;;   0x96    v128.const i32x4 0x05060708 0x01020304 0x00000000 0x00000000 [v128:q0, v128:q1, v128:q2, v128:q3]
;;             0048  mov x17, #0x708
;;             004c  movk x17, #0x506, lsl #16
;;             0050  movk x17, #0x304, lsl #32
;;             0054  movk x17, #0x102, lsl #48
;;             0058  fmov d3, x17
;;   0xa8    end                           (returned)
;;             005c  str q0, [x29, #0x10]
;;             0060  str q1, [x29, #0x20]
;;             0064  str q2, [x29, #0x30]
;;             0068  str q3, [x29, #0x40]
;;             006c  mov sp, x29
;;             0070  ldp x29, x30, [sp], #0x10
;;             0074  ret
;;           out-of-line stubs
;;             0078  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $params (param v128 v128) (result v128): 84 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x50
;;             0028  stur xzr, [x29, #-0x18]
;;             002c  stur xzr, [x29, #-0x10]
;;   0xad    local.get 1                   [v128:local 1]
;;   0xaf    local.set 2                   []
;;             0030  ldr q31, [x29, #0x20]
;;             0034  stur q31, [x29, #-0x18]
;;   0xb1    local.get 0                   [v128:local 0]
;;   0xb3    local.tee 2                   [v128:local 2]
;;             0038  ldr q31, [x29, #0x10]
;;             003c  stur q31, [x29, #-0x18]
;;   0xb5    drop                          []
;;   0xb6    local.get 2                   [v128:local 2]
;;   0xb8    end                           (returned)
;;             0040  ldur q0, [x29, #-0x18]
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $select (param v128 v128 i32) (result v128): 84 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x50
;;   0xbb    local.get 0                   [v128:local 0]
;;   0xbd    local.get 1                   [v128:local 0, v128:local 1]
;;   0xbf    local.get 2                   [v128:local 0, v128:local 1, i32:local 2]
;;   0xc1    select                        [v128:q1]
;;             0028  ldr w0, [x29, #0x30]
;;             002c  ldr q0, [x29, #0x20]
;;             0030  ldr q1, [x29, #0x10]
;;             0034  cmp w0, #0x0
;;             0038  b.ne 0x40
;;             003c  mov v1.16b, v0.16b
;;   0xc2    end                           (returned)
;;             0040  mov v0.16b, v1.16b
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $select_typed (param v128 v128 i32) (result v128): 84 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x50
;;   0xc5    local.get 0                   [v128:local 0]
;;   0xc7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xc9    local.get 2                   [v128:local 0, v128:local 1, i32:local 2]
;;   0xcb    select (result v128)          [v128:q1]
;;             0028  ldr w0, [x29, #0x30]
;;             002c  ldr q0, [x29, #0x20]
;;             0030  ldr q1, [x29, #0x10]
;;             0034  cmp w0, #0x0
;;             0038  b.ne 0x40
;;             003c  mov v1.16b, v0.16b
;;   0xce    end                           (returned)
;;             0040  mov v0.16b, v1.16b
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $globals (param v128) (result v128): 76 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x20
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x48
;;   0xd1    local.get 0                   [v128:local 0]
;;   0xd3    global.set $g                 []
;;             0028  ldr q0, [x29, #0x10]
;;             002c  ldr x15, [x28, #0xa8]
;;             0030  str q0, [x15]
;;   0xd5    global.get $c                 [v128:q0]
;;             0034  ldr x16, [x28, #0xb0]
;;             0038  ldr q0, [x16]
;;   0xd7    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 5 $call (param v128 v128) (result v128): 76 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x50
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x48
;;   0xda    local.get 1                   [v128:local 1]
;;   0xdc    local.get 0                   [v128:local 1, v128:local 0]
;;   0xde    call $params                  [v128:q0]
;;             0028  ldr q31, [x29, #0x20]
;;             002c  str q31, [sp]
;;             0030  ldr q31, [x29, #0x10]
;;             0034  str q31, [sp, #0x10]
;;             0038  bl <func 1 $params>
;;   0xe0    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
