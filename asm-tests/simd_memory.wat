;; targets: x86_64 aarch64
;;
;; Vector memory accesses: whole-v128 loads and stores (a register or a
;; constant address, with an offset), the extending loads (8x8, 16x4,
;; 32x2, signed and unsigned), the splat loads, the zero-filling loads,
;; and loading or storing one lane. Each is based on the pinned memory
;; base; out-of-bounds accesses fault in the guard region.

(module
  (memory 1)
  (func $whole (param i32 v128) (result v128)
    (v128.store offset=16 (local.get 0) (local.get 1))
    (v128.store (i32.const 32) (v128.load (local.get 0)))
    (v128.load offset=48 (i32.const 64)))
  (func $extend (param i32) (result v128 v128 v128 v128 v128 v128)
    (v128.load8x8_s (local.get 0))
    (v128.load8x8_u (local.get 0))
    (v128.load16x4_s (local.get 0))
    (v128.load16x4_u (local.get 0))
    (v128.load32x2_s (local.get 0))
    (v128.load32x2_u offset=8 (local.get 0)))
  (func $splat_zero (param i32) (result v128 v128 v128 v128 v128 v128)
    (v128.load8_splat (local.get 0))
    (v128.load16_splat (local.get 0))
    (v128.load32_splat (local.get 0))
    (v128.load64_splat (local.get 0))
    (v128.load32_zero (local.get 0))
    (v128.load64_zero offset=8 (local.get 0)))
  (func $load_lane (param i32 v128) (result v128)
    (v128.load8_lane 15 (local.get 0) (local.get 1))
    (local.set 1)
    (v128.load16_lane 7 (local.get 0) (local.get 1))
    (local.set 1)
    (v128.load32_lane 0 (local.get 0) (local.get 1))
    (local.set 1)
    (v128.load64_lane offset=8 1 (local.get 0) (local.get 1)))
  (func $store_lane (param i32 v128)
    (v128.store8_lane 15 (local.get 0) (local.get 1))
    (v128.store16_lane 7 (local.get 0) (local.get 1))
    (v128.store32_lane 0 (local.get 0) (local.get 1))
    (v128.store32_lane 3 (local.get 0) (local.get 1))
    (v128.store64_lane offset=8 1 (i32.const 16) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $whole (param i32 v128) (result v128): 70 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x44
;;   0x33    local.get 0                   [i32:local 0]
;;   0x35    local.get 1                   [i32:local 0, v128:local 1]
;;   0x37    v128.store offset=16          []
;;             001b  movdqu xmm0, [rbp+0x18]
;;             0020  mov ebx, [rbp+0x10]
;;             0023  movdqu [r15+rbx+0x10], xmm0  ; trap: out of bounds memory access
;;   0x3b    i32.const 32                  [i32:const 32]
;;   0x3d    local.get 0                   [i32:const 32, i32:local 0]
;;   0x3f    v128.load                     [i32:const 32, v128:xmm0]
;;             002a  mov ebx, [rbp+0x10]
;;             002d  movdqu xmm0, [r15+rbx]  ; trap: out of bounds memory access
;;   0x43    v128.store                    []
;;             0033  movdqu [r15+0x20], xmm0  ; trap: out of bounds memory access
;;   0x47    i32.const 64                  [i32:const 64]
;;   0x4a    v128.load offset=48           [v128:xmm0]
;;             0039  movdqu xmm0, [r15+0x70]  ; trap: out of bounds memory access
;;   0x4e    end                           (returned)
;;             003f  mov rsp, rbp
;;             0042  pop rbp
;;             0043  ret
;;           out-of-line stubs
;;             0044  ud2  ; trap: call stack exhausted
;;
;; func 1 $extend (param i32) (result v128 v128 v128 v128 v128 v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x70
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7b
;;   0x51    local.get 0                   [i32:local 0]
;;   0x53    v128.load8x8_s                [v128:xmm0]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  pmovsxbw xmm0, [r15+rbx]  ; trap: out of bounds memory access
;;   0x57    local.get 0                   [v128:xmm0, i32:local 0]
;;   0x59    v128.load8x8_u                [v128:xmm0, v128:xmm1]
;;             0025  mov ebx, [rbp+0x10]
;;             0028  pmovzxbw xmm1, [r15+rbx]  ; trap: out of bounds memory access
;;   0x5d    local.get 0                   [v128:xmm0, v128:xmm1, i32:local 0]
;;   0x5f    v128.load16x4_s               [v128:xmm0, v128:xmm1, v128:xmm2]
;;             002f  mov ebx, [rbp+0x10]
;;             0032  pmovsxwd xmm2, [r15+rbx]  ; trap: out of bounds memory access
;;   0x63    local.get 0                   [v128:xmm0, v128:xmm1, v128:xmm2, i32:local 0]
;;   0x65    v128.load16x4_u               [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3]
;;             0039  mov ebx, [rbp+0x10]
;;             003c  pmovzxwd xmm3, [r15+rbx]  ; trap: out of bounds memory access
;;   0x69    local.get 0                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, i32:local 0]
;;   0x6b    v128.load32x2_s               [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4]
;;             0043  mov ebx, [rbp+0x10]
;;             0046  pmovsxdq xmm4, [r15+rbx]  ; trap: out of bounds memory access
;;   0x6f    local.get 0                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, i32:local 0]
;;   0x71    v128.load32x2_u offset=8      [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, v128:xmm5]
;;             004d  mov ebx, [rbp+0x10]
;;             0050  pmovzxdq xmm5, [r15+rbx+8]  ; trap: out of bounds memory access
;;   0x75    end                           (returned)
;;             0058  movdqu [rbp+0x10], xmm0
;;             005d  movdqu [rbp+0x20], xmm1
;;             0062  movdqu [rbp+0x30], xmm2
;;             0067  movdqu [rbp+0x40], xmm3
;;             006c  movdqu [rbp+0x50], xmm4
;;             0071  movdqu [rbp+0x60], xmm5
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 2 $splat_zero (param i32) (result v128 v128 v128 v128 v128 v128): 151 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x70
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x95
;;   0x78    local.get 0                   [i32:local 0]
;;   0x7a    v128.load8_splat              [v128:xmm0]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  pinsrb xmm0, [r15+rbx], 0  ; trap: out of bounds memory access
;;             0026  pxor xmm15, xmm15
;;             002b  pshufb xmm0, xmm15
;;   0x7e    local.get 0                   [v128:xmm0, i32:local 0]
;;   0x80    v128.load16_splat             [v128:xmm0, v128:xmm1]
;;             0031  mov ebx, [rbp+0x10]
;;             0034  pinsrw xmm1, [r15+rbx], 0  ; trap: out of bounds memory access
;;             003b  pshuflw xmm1, xmm1, 0
;;             0041  pshufd xmm1, xmm1, 0
;;   0x84    local.get 0                   [v128:xmm0, v128:xmm1, i32:local 0]
;;   0x86    v128.load32_splat             [v128:xmm0, v128:xmm1, v128:xmm2]
;;             0047  mov ebx, [rbp+0x10]
;;             004a  movss xmm2, [r15+rbx]  ; trap: out of bounds memory access
;;             0050  pshufd xmm2, xmm2, 0
;;   0x8a    local.get 0                   [v128:xmm0, v128:xmm1, v128:xmm2, i32:local 0]
;;   0x8c    v128.load64_splat             [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3]
;;             0056  mov ebx, [rbp+0x10]
;;             0059  movddup xmm3, [r15+rbx]  ; trap: out of bounds memory access
;;   0x90    local.get 0                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, i32:local 0]
;;   0x92    v128.load32_zero              [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4]
;;             005f  mov ebx, [rbp+0x10]
;;             0062  movd xmm4, [r15+rbx]  ; trap: out of bounds memory access
;;   0x96    local.get 0                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, i32:local 0]
;;   0x98    v128.load64_zero offset=8     [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, v128:xmm5]
;;             0068  mov ebx, [rbp+0x10]
;;             006b  movq xmm5, [r15+rbx+8]  ; trap: out of bounds memory access
;;   0x9c    end                           (returned)
;;             0072  movdqu [rbp+0x10], xmm0
;;             0077  movdqu [rbp+0x20], xmm1
;;             007c  movdqu [rbp+0x30], xmm2
;;             0081  movdqu [rbp+0x40], xmm3
;;             0086  movdqu [rbp+0x50], xmm4
;;             008b  movdqu [rbp+0x60], xmm5
;;             0090  mov rsp, rbp
;;             0093  pop rbp
;;             0094  ret
;;           out-of-line stubs
;;             0095  ud2  ; trap: call stack exhausted
;;
;; func 3 $load_lane (param i32 v128) (result v128): 113 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6f
;;   0x9f    local.get 0                   [i32:local 0]
;;   0xa1    local.get 1                   [i32:local 0, v128:local 1]
;;   0xa3    v128.load8_lane 15            [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x18]
;;             0020  mov ebx, [rbp+0x10]
;;             0023  pinsrb xmm0, [r15+rbx], 0xf  ; trap: out of bounds memory access
;;   0xa8    local.set 1                   []
;;             002b  movdqu [rbp+0x18], xmm0
;;   0xaa    local.get 0                   [i32:local 0]
;;   0xac    local.get 1                   [i32:local 0, v128:local 1]
;;   0xae    v128.load16_lane 7            [v128:xmm0]
;;             0030  movdqu xmm0, [rbp+0x18]
;;             0035  mov ebx, [rbp+0x10]
;;             0038  pinsrw xmm0, [r15+rbx], 7  ; trap: out of bounds memory access
;;   0xb3    local.set 1                   []
;;             003f  movdqu [rbp+0x18], xmm0
;;   0xb5    local.get 0                   [i32:local 0]
;;   0xb7    local.get 1                   [i32:local 0, v128:local 1]
;;   0xb9    v128.load32_lane 0            [v128:xmm0]
;;             0044  movdqu xmm0, [rbp+0x18]
;;             0049  mov ebx, [rbp+0x10]
;;             004c  pinsrd xmm0, [r15+rbx], 0  ; trap: out of bounds memory access
;;   0xbe    local.set 1                   []
;;             0054  movdqu [rbp+0x18], xmm0
;;   0xc0    local.get 0                   [i32:local 0]
;;   0xc2    local.get 1                   [i32:local 0, v128:local 1]
;;   0xc4    v128.load64_lane offset=8 1   [v128:xmm0]
;;             0059  movdqu xmm0, [rbp+0x18]
;;             005e  mov ebx, [rbp+0x10]
;;             0061  pinsrq xmm0, [r15+rbx+8], 1  ; trap: out of bounds memory access
;;   0xc9    end                           (returned)
;;             006a  mov rsp, rbp
;;             006d  pop rbp
;;             006e  ret
;;           out-of-line stubs
;;             006f  ud2  ; trap: call stack exhausted
;;
;; func 4 $store_lane (param i32 v128): 111 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6d
;;   0xcc    local.get 0                   [i32:local 0]
;;   0xce    local.get 1                   [i32:local 0, v128:local 1]
;;   0xd0    v128.store8_lane 15           []
;;             001b  movdqu xmm0, [rbp+0x18]
;;             0020  mov ebx, [rbp+0x10]
;;             0023  pextrb [r15+rbx], xmm0, 0xf  ; trap: out of bounds memory access
;;   0xd5    local.get 0                   [i32:local 0]
;;   0xd7    local.get 1                   [i32:local 0, v128:local 1]
;;   0xd9    v128.store16_lane 7           []
;;             002b  movdqu xmm0, [rbp+0x18]
;;             0030  mov ebx, [rbp+0x10]
;;             0033  pextrw [r15+rbx], xmm0, 7  ; trap: out of bounds memory access
;;   0xde    local.get 0                   [i32:local 0]
;;   0xe0    local.get 1                   [i32:local 0, v128:local 1]
;;   0xe2    v128.store32_lane 0           []
;;             003b  movdqu xmm0, [rbp+0x18]
;;             0040  mov ebx, [rbp+0x10]
;;             0043  pextrd [r15+rbx], xmm0, 0  ; trap: out of bounds memory access
;;   0xe7    local.get 0                   [i32:local 0]
;;   0xe9    local.get 1                   [i32:local 0, v128:local 1]
;;   0xeb    v128.store32_lane 3           []
;;             004b  movdqu xmm0, [rbp+0x18]
;;             0050  mov ebx, [rbp+0x10]
;;             0053  pextrd [r15+rbx], xmm0, 3  ; trap: out of bounds memory access
;;   0xf0    i32.const 16                  [i32:const 16]
;;   0xf2    local.get 1                   [i32:const 16, v128:local 1]
;;   0xf4    v128.store64_lane offset=8 1  []
;;             005b  movdqu xmm0, [rbp+0x18]
;;             0060  pextrq [r15+0x18], xmm0, 1  ; trap: out of bounds memory access
;;   0xf9    end                           (returned)
;;             0068  mov rsp, rbp
;;             006b  pop rbp
;;             006c  ret
;;           out-of-line stubs
;;             006d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $whole (param i32 v128) (result v128): 88 bytes of aarch64
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
;;             0024  b.lo 0x54
;;   0x33    local.get 0                   [i32:local 0]
;;   0x35    local.get 1                   [i32:local 0, v128:local 1]
;;   0x37    v128.store offset=16          []
;;             0028  ldur q0, [x29, #0x18]
;;             002c  ldr w0, [x29, #0x10]
;;             0030  add x16, x27, w0
;;             0034  str q0, [x16, #0x10]  ; trap: out of bounds memory access
;;   0x3b    i32.const 32                  [i32:const 32]
;;   0x3d    local.get 0                   [i32:const 32, i32:local 0]
;;   0x3f    v128.load                     [i32:const 32, v128:q0]
;;             0038  ldr w0, [x29, #0x10]
;;             003c  ldr q0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x43    v128.store                    []
;;             0040  str q0, [x27, #0x20]  ; trap: out of bounds memory access
;;   0x47    i32.const 64                  [i32:const 64]
;;   0x4a    v128.load offset=48           [v128:q0]
;;             0044  ldr q0, [x27, #0x70]  ; trap: out of bounds memory access
;;   0x4e    end                           (returned)
;;             0048  mov sp, x29
;;             004c  ldp x29, x30, [sp], #0x10
;;             0050  ret
;;           out-of-line stubs
;;             0054  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $extend (param i32) (result v128 v128 v128 v128 v128 v128): 156 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x70
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x98
;;   0x51    local.get 0                   [i32:local 0]
;;   0x53    v128.load8x8_s                [v128:q0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr d0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0030  sshll v0.8h, v0.8b, #0x0
;;   0x57    local.get 0                   [v128:q0, i32:local 0]
;;   0x59    v128.load8x8_u                [v128:q0, v128:q1]
;;             0034  ldr w0, [x29, #0x10]
;;             0038  ldr d1, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             003c  ushll v1.8h, v1.8b, #0x0
;;   0x5d    local.get 0                   [v128:q0, v128:q1, i32:local 0]
;;   0x5f    v128.load16x4_s               [v128:q0, v128:q1, v128:q2]
;;             0040  ldr w0, [x29, #0x10]
;;             0044  ldr d2, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0048  sshll v2.4s, v2.4h, #0x0
;;   0x63    local.get 0                   [v128:q0, v128:q1, v128:q2, i32:local 0]
;;   0x65    v128.load16x4_u               [v128:q0, v128:q1, v128:q2, v128:q3]
;;             004c  ldr w0, [x29, #0x10]
;;             0050  ldr d3, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0054  ushll v3.4s, v3.4h, #0x0
;;   0x69    local.get 0                   [v128:q0, v128:q1, v128:q2, v128:q3, i32:local 0]
;;   0x6b    v128.load32x2_s               [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4]
;;             0058  ldr w0, [x29, #0x10]
;;             005c  ldr d4, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0060  sshll v4.2d, v4.2s, #0x0
;;   0x6f    local.get 0                   [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, i32:local 0]
;;   0x71    v128.load32x2_u offset=8      [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, v128:q5]
;;             0064  ldr w0, [x29, #0x10]
;;             0068  add x16, x27, w0
;;             006c  ldr d5, [x16, #0x8]  ; trap: out of bounds memory access
;;             0070  ushll v5.2d, v5.2s, #0x0
;;   0x75    end                           (returned)
;;             0074  str q0, [x29, #0x10]
;;             0078  str q1, [x29, #0x20]
;;             007c  str q2, [x29, #0x30]
;;             0080  str q3, [x29, #0x40]
;;             0084  str q4, [x29, #0x50]
;;             0088  str q5, [x29, #0x60]
;;             008c  mov sp, x29
;;             0090  ldp x29, x30, [sp], #0x10
;;             0094  ret
;;           out-of-line stubs
;;             0098  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $splat_zero (param i32) (result v128 v128 v128 v128 v128 v128): 148 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x70
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x90
;;   0x78    local.get 0                   [i32:local 0]
;;   0x7a    v128.load8_splat              [v128:q0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr b0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0030  mov v0.16b, v0.b[0]
;;   0x7e    local.get 0                   [v128:q0, i32:local 0]
;;   0x80    v128.load16_splat             [v128:q0, v128:q1]
;;             0034  ldr w0, [x29, #0x10]
;;             0038  ldr h1, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             003c  mov v1.8h, v1.h[0]
;;   0x84    local.get 0                   [v128:q0, v128:q1, i32:local 0]
;;   0x86    v128.load32_splat             [v128:q0, v128:q1, v128:q2]
;;             0040  ldr w0, [x29, #0x10]
;;             0044  ldr s2, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0048  mov v2.4s, v2.s[0]
;;   0x8a    local.get 0                   [v128:q0, v128:q1, v128:q2, i32:local 0]
;;   0x8c    v128.load64_splat             [v128:q0, v128:q1, v128:q2, v128:q3]
;;             004c  ldr w0, [x29, #0x10]
;;             0050  ldr d3, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0054  mov v3.2d, v3.d[0]
;;   0x90    local.get 0                   [v128:q0, v128:q1, v128:q2, v128:q3, i32:local 0]
;;   0x92    v128.load32_zero              [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4]
;;             0058  ldr w0, [x29, #0x10]
;;             005c  ldr s4, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x96    local.get 0                   [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, i32:local 0]
;;   0x98    v128.load64_zero offset=8     [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, v128:q5]
;;             0060  ldr w0, [x29, #0x10]
;;             0064  add x16, x27, w0
;;             0068  ldr d5, [x16, #0x8]  ; trap: out of bounds memory access
;;   0x9c    end                           (returned)
;;             006c  str q0, [x29, #0x10]
;;             0070  str q1, [x29, #0x20]
;;             0074  str q2, [x29, #0x30]
;;             0078  str q3, [x29, #0x40]
;;             007c  str q4, [x29, #0x50]
;;             0080  str q5, [x29, #0x60]
;;             0084  mov sp, x29
;;             0088  ldp x29, x30, [sp], #0x10
;;             008c  ret
;;           out-of-line stubs
;;             0090  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $load_lane (param i32 v128) (result v128): 136 bytes of aarch64
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
;;             0024  b.lo 0x84
;;   0x9f    local.get 0                   [i32:local 0]
;;   0xa1    local.get 1                   [i32:local 0, v128:local 1]
;;   0xa3    v128.load8_lane 15            [v128:q0]
;;             0028  ldur q0, [x29, #0x18]
;;             002c  ldr w0, [x29, #0x10]
;;             0030  ldr b31, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0034  mov v0.b[15], v31.b[0]
;;   0xa8    local.set 1                   []
;;             0038  stur q0, [x29, #0x18]
;;   0xaa    local.get 0                   [i32:local 0]
;;   0xac    local.get 1                   [i32:local 0, v128:local 1]
;;   0xae    v128.load16_lane 7            [v128:q0]
;;             003c  ldur q0, [x29, #0x18]
;;             0040  ldr w0, [x29, #0x10]
;;             0044  ldr h31, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0048  mov v0.h[7], v31.h[0]
;;   0xb3    local.set 1                   []
;;             004c  stur q0, [x29, #0x18]
;;   0xb5    local.get 0                   [i32:local 0]
;;   0xb7    local.get 1                   [i32:local 0, v128:local 1]
;;   0xb9    v128.load32_lane 0            [v128:q0]
;;             0050  ldur q0, [x29, #0x18]
;;             0054  ldr w0, [x29, #0x10]
;;             0058  ldr s31, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             005c  mov v0.s[0], v31.s[0]
;;   0xbe    local.set 1                   []
;;             0060  stur q0, [x29, #0x18]
;;   0xc0    local.get 0                   [i32:local 0]
;;   0xc2    local.get 1                   [i32:local 0, v128:local 1]
;;   0xc4    v128.load64_lane offset=8 1   [v128:q0]
;;             0064  ldur q0, [x29, #0x18]
;;             0068  ldr w0, [x29, #0x10]
;;             006c  add x16, x27, w0
;;             0070  ldr d31, [x16, #0x8]  ; trap: out of bounds memory access
;;             0074  mov v0.d[1], v31.d[0]
;;   0xc9    end                           (returned)
;;             0078  mov sp, x29
;;             007c  ldp x29, x30, [sp], #0x10
;;             0080  ret
;;           out-of-line stubs
;;             0084  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $store_lane (param i32 v128): 128 bytes of aarch64
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
;;             0024  b.lo 0x7c
;;   0xcc    local.get 0                   [i32:local 0]
;;   0xce    local.get 1                   [i32:local 0, v128:local 1]
;;   0xd0    v128.store8_lane 15           []
;;             0028  ldur q0, [x29, #0x18]
;;             002c  ldr w0, [x29, #0x10]
;;             0030  mov b31, v0.b[15]
;;             0034  str b31, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0xd5    local.get 0                   [i32:local 0]
;;   0xd7    local.get 1                   [i32:local 0, v128:local 1]
;;   0xd9    v128.store16_lane 7           []
;;             0038  ldur q0, [x29, #0x18]
;;             003c  ldr w0, [x29, #0x10]
;;             0040  mov h31, v0.h[7]
;;             0044  str h31, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0xde    local.get 0                   [i32:local 0]
;;   0xe0    local.get 1                   [i32:local 0, v128:local 1]
;;   0xe2    v128.store32_lane 0           []
;;             0048  ldur q0, [x29, #0x18]
;;             004c  ldr w0, [x29, #0x10]
;;             0050  str s0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0xe7    local.get 0                   [i32:local 0]
;;   0xe9    local.get 1                   [i32:local 0, v128:local 1]
;;   0xeb    v128.store32_lane 3           []
;;             0054  ldur q0, [x29, #0x18]
;;             0058  ldr w0, [x29, #0x10]
;;             005c  mov s31, v0.s[3]
;;             0060  str s31, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0xf0    i32.const 16                  [i32:const 16]
;;   0xf2    local.get 1                   [i32:const 16, v128:local 1]
;;   0xf4    v128.store64_lane offset=8 1  []
;;             0064  ldur q0, [x29, #0x18]
;;             0068  mov d31, v0.d[1]
;;             006c  str d31, [x27, #0x18]  ; trap: out of bounds memory access
;;   0xf9    end                           (returned)
;;             0070  mov sp, x29
;;             0074  ldp x29, x30, [sp], #0x10
;;             0078  ret
;;           out-of-line stubs
;;             007c  udf #0x0  ; trap: call stack exhausted
