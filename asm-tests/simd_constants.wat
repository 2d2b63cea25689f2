;; targets: x86_64 aarch64
;;
;; v128.const, built in the register without a constant pool. All zeros
;; and all ones are one instruction on both ISAs. x86-64: lanes of all
;; ones shifted (sign and magnitude masks, 0x00ff words, 1 per lane) are
;; pcmpeqd and a shift; a repeated 32-bit lane is mov/movd/pshufd, a
;; repeated 64-bit lane mov/movq/punpcklqdq; a zero half costs nothing
;; (low) or a pslldq (high); otherwise both halves through rax. aarch64:
;; one movi/mvni/fmov wherever an 8-bit immediate expands to the constant
;; (any repeated byte, one byte of a 16- or 32-bit lane, possibly
;; inverted or with ones shifted in, bytes of 0x00/0xff, small float
;; constants), else a dup of a repeated lane from x17, else each half
;; through x17.

(module
  (func $masks (result v128 v128 v128 v128 v128)
    (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff)
    (v128.const i64x2 0x8000000000000000 0x8000000000000000)
    (v128.const i16x8 0x00ff 0x00ff 0x00ff 0x00ff 0x00ff 0x00ff 0x00ff 0x00ff)
    (v128.const i32x4 1 1 1 1)
    (v128.const i64x2 0xffffffff00000000 0xffffffff00000000))
  (func $splats (result v128 v128 v128 v128 v128 v128)
    (v128.const i8x16 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3)
    (v128.const i16x8 0x1234 0x1234 0x1234 0x1234 0x1234 0x1234 0x1234 0x1234)
    (v128.const i32x4 0x00ab0000 0x00ab0000 0x00ab0000 0x00ab0000)
    (v128.const i32x4 0x12345678 0x12345678 0x12345678 0x12345678)
    (v128.const i64x2 0x0123456789abcdef 0x0123456789abcdef)
    (v128.const i64x2 0x00ff0000ff00ffff 0x00ff0000ff00ffff))
  (func $floats (result v128 v128 v128)
    (v128.const f32x4 1.0 1.0 1.0 1.0)
    (v128.const f64x2 -0.5 -0.5)
    (v128.const f32x4 0.1 0.1 0.1 0.1))
  (func $halves (result v128 v128 v128)
    (v128.const i64x2 0x0102030405060708 0)
    (v128.const i64x2 0 0x0102030405060708)
    (v128.const i64x2 0x0102030405060708 0x090a0b0c0d0e0f10)))

;; ==== expected x86_64 ====
;; func 0 $masks (result v128 v128 v128 v128 v128): 114 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x60
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x70
;;   0x2f    v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff [v128:xmm0]
;;             001b  pcmpeqd xmm0, xmm0
;;             0020  psrld xmm0, 1
;;   0x41    v128.const i32x4 0x00000000 0x80000000 0x00000000 0x80000000 [v128:xmm0, v128:xmm1]
;;             0026  pcmpeqd xmm1, xmm1
;;             002b  psllq xmm1, 0x3f
;;   0x53    v128.const i32x4 0x00ff00ff 0x00ff00ff 0x00ff00ff 0x00ff00ff [v128:xmm0, v128:xmm1, v128:xmm2]
;;             0031  pcmpeqd xmm2, xmm2
;;             0036  psrlw xmm2, 8
;;   0x65    v128.const i32x4 0x00000001 0x00000001 0x00000001 0x00000001 [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3]
;;             003c  pcmpeqd xmm3, xmm3
;;             0041  psrld xmm3, 0x1f
;;   0x77    v128.const i32x4 0x00000000 0xffffffff 0x00000000 0xffffffff [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4]
;;             0047  pcmpeqd xmm4, xmm4
;;             004c  psllq xmm4, 0x20
;;   0x89    end                           (returned)
;;             0052  movdqu [rbp+0x10], xmm0
;;             0057  movdqu [rbp+0x20], xmm1
;;             005c  movdqu [rbp+0x30], xmm2
;;             0061  movdqu [rbp+0x40], xmm3
;;             0066  movdqu [rbp+0x50], xmm4
;;             006b  mov rsp, rbp
;;             006e  pop rbp
;;             006f  ret
;;           out-of-line stubs
;;             0070  ud2  ; trap: call stack exhausted
;;
;; func 1 $splats (result v128 v128 v128 v128 v128 v128): 168 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x70
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xa6
;;   0x8c    v128.const i32x4 0x03030303 0x03030303 0x03030303 0x03030303 [v128:xmm0]
;;             001b  mov eax, 0x3030303
;;             0020  movd xmm0, eax
;;             0025  pshufd xmm0, xmm0, 0
;;   0x9e    v128.const i32x4 0x12341234 0x12341234 0x12341234 0x12341234 [v128:xmm0, v128:xmm1]
;;             002b  mov eax, 0x12341234
;;             0030  movd xmm1, eax
;;             0035  pshufd xmm1, xmm1, 0
;;   0xb0    v128.const i32x4 0x00ab0000 0x00ab0000 0x00ab0000 0x00ab0000 [v128:xmm0, v128:xmm1, v128:xmm2]
;;             003b  mov eax, 0xab0000
;;             0040  movd xmm2, eax
;;             0045  pshufd xmm2, xmm2, 0
;;   0xc2    v128.const i32x4 0x12345678 0x12345678 0x12345678 0x12345678 [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3]
;;             004b  mov eax, 0x12345678
;;             0050  movd xmm3, eax
;;             0055  pshufd xmm3, xmm3, 0
;;   0xd4    v128.const i32x4 0x89abcdef 0x01234567 0x89abcdef 0x01234567 [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4]
;;             005b  mov rax, 0x123456789abcdef
;;             0065  movq xmm4, rax
;;             006a  punpcklqdq xmm4, xmm4
;;   0xe6    v128.const i32x4 0xff00ffff 0x00ff0000 0xff00ffff 0x00ff0000 [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, v128:xmm5]
;;             006f  mov rax, 0xff0000ff00ffff
;;             0079  movq xmm5, rax
;;             007e  punpcklqdq xmm5, xmm5
;;   0xf8    end                           (returned)
;;             0083  movdqu [rbp+0x10], xmm0
;;             0088  movdqu [rbp+0x20], xmm1
;;             008d  movdqu [rbp+0x30], xmm2
;;             0092  movdqu [rbp+0x40], xmm3
;;             0097  movdqu [rbp+0x50], xmm4
;;             009c  movdqu [rbp+0x60], xmm5
;;             00a1  mov rsp, rbp
;;             00a4  pop rbp
;;             00a5  ret
;;           out-of-line stubs
;;             00a6  ud2  ; trap: call stack exhausted
;;
;; func 2 $floats (result v128 v128 v128): 101 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x63
;;   0xfb    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000 [v128:xmm0]
;;             001b  mov eax, 0x3f800000
;;             0020  movd xmm0, eax
;;             0025  pshufd xmm0, xmm0, 0
;;   0x10d   v128.const i32x4 0x00000000 0xbfe00000 0x00000000 0xbfe00000 [v128:xmm0, v128:xmm1]
;;             002b  mov rax, 0xbfe0000000000000
;;             0035  movq xmm1, rax
;;             003a  punpcklqdq xmm1, xmm1
;;   0x11f   v128.const i32x4 0x3dcccccd 0x3dcccccd 0x3dcccccd 0x3dcccccd [v128:xmm0, v128:xmm1, v128:xmm2]
;;             003f  mov eax, 0x3dcccccd
;;             0044  movd xmm2, eax
;;             0049  pshufd xmm2, xmm2, 0
;;   0x131   end                           (returned)
;;             004f  movdqu [rbp+0x10], xmm0
;;             0054  movdqu [rbp+0x20], xmm1
;;             0059  movdqu [rbp+0x30], xmm2
;;             005e  mov rsp, rbp
;;             0061  pop rbp
;;             0062  ret
;;           out-of-line stubs
;;             0063  ud2  ; trap: call stack exhausted
;;
;; func 3 $halves (result v128 v128 v128): 117 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x73
;;   0x134   v128.const i32x4 0x05060708 0x01020304 0x00000000 0x00000000 [v128:xmm0]
;;             001b  mov rax, 0x102030405060708
;;             0025  movq xmm0, rax
;;   0x146   v128.const i32x4 0x00000000 0x00000000 0x05060708 0x01020304 [v128:xmm0, v128:xmm1]
;;             002a  mov rax, 0x102030405060708
;;             0034  movq xmm1, rax
;;             0039  pslldq xmm1, 8
;;   0x158   v128.const i32x4 0x05060708 0x01020304 0x0d0e0f10 0x090a0b0c [v128:xmm0, v128:xmm1, v128:xmm2]
;;             003f  mov rax, 0x102030405060708
;;             0049  movq xmm2, rax
;;             004e  mov rax, 0x90a0b0c0d0e0f10
;;             0058  pinsrq xmm2, rax, 1
;;   0x16a   end                           (returned)
;;             005f  movdqu [rbp+0x10], xmm0
;;             0064  movdqu [rbp+0x20], xmm1
;;             0069  movdqu [rbp+0x30], xmm2
;;             006e  mov rsp, rbp
;;             0071  pop rbp
;;             0072  ret
;;           out-of-line stubs
;;             0073  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $masks (result v128 v128 v128 v128 v128): 100 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x60
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x60
;;   0x2f    v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff [v128:q0]
;;             0028  mvni v0.4s, #0x80, lsl #24
;;   0x41    v128.const i32x4 0x00000000 0x80000000 0x00000000 0x80000000 [v128:q0, v128:q1]
;;             002c  mov x17, #0x8000000000000000
;;             0030  dup v1.2d, x17
;;   0x53    v128.const i32x4 0x00ff00ff 0x00ff00ff 0x00ff00ff 0x00ff00ff [v128:q0, v128:q1, v128:q2]
;;             0034  movi v2.2d, #0xff00ff00ff00ff
;;   0x65    v128.const i32x4 0x00000001 0x00000001 0x00000001 0x00000001 [v128:q0, v128:q1, v128:q2, v128:q3]
;;             0038  movi v3.4s, #0x1
;;   0x77    v128.const i32x4 0x00000000 0xffffffff 0x00000000 0xffffffff [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4]
;;             003c  movi v4.2d, #0xffffffff00000000
;;   0x89    end                           (returned)
;;             0040  str q0, [x29, #0x10]
;;             0044  str q1, [x29, #0x20]
;;             0048  str q2, [x29, #0x30]
;;             004c  str q3, [x29, #0x40]
;;             0050  str q4, [x29, #0x50]
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $splats (result v128 v128 v128 v128 v128 v128): 132 bytes of aarch64
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
;;             0024  b.lo 0x80
;;   0x8c    v128.const i32x4 0x03030303 0x03030303 0x03030303 0x03030303 [v128:q0]
;;             0028  movi v0.16b, #0x3
;;   0x9e    v128.const i32x4 0x12341234 0x12341234 0x12341234 0x12341234 [v128:q0, v128:q1]
;;             002c  mov w17, #0x1234
;;             0030  dup v1.8h, w17
;;   0xb0    v128.const i32x4 0x00ab0000 0x00ab0000 0x00ab0000 0x00ab0000 [v128:q0, v128:q1, v128:q2]
;;             0034  movi v2.4s, #0xab, lsl #16
;;   0xc2    v128.const i32x4 0x12345678 0x12345678 0x12345678 0x12345678 [v128:q0, v128:q1, v128:q2, v128:q3]
;;             0038  mov w17, #0x5678
;;             003c  movk w17, #0x1234, lsl #16
;;             0040  dup v3.4s, w17
;;   0xd4    v128.const i32x4 0x89abcdef 0x01234567 0x89abcdef 0x01234567 [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4]
;;             0044  mov x17, #0xcdef
;;             0048  movk x17, #0x89ab, lsl #16
;;             004c  movk x17, #0x4567, lsl #32
;;             0050  movk x17, #0x123, lsl #48
;;             0054  dup v4.2d, x17
;;   0xe6    v128.const i32x4 0xff00ffff 0x00ff0000 0xff00ffff 0x00ff0000 [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, v128:q5]
;;             0058  movi v5.2d, #0xff0000ff00ffff
;;   0xf8    end                           (returned)
;;             005c  str q0, [x29, #0x10]
;;             0060  str q1, [x29, #0x20]
;;             0064  str q2, [x29, #0x30]
;;             0068  str q3, [x29, #0x40]
;;             006c  str q4, [x29, #0x50]
;;             0070  str q5, [x29, #0x60]
;;             0074  mov sp, x29
;;             0078  ldp x29, x30, [sp], #0x10
;;             007c  ret
;;           out-of-line stubs
;;             0080  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $floats (result v128 v128 v128): 88 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x54
;;   0xfb    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000 [v128:q0]
;;             0028  fmov v0.4s, #1.0
;;   0x10d   v128.const i32x4 0x00000000 0xbfe00000 0x00000000 0xbfe00000 [v128:q0, v128:q1]
;;             002c  fmov v1.2d, #-0.5
;;   0x11f   v128.const i32x4 0x3dcccccd 0x3dcccccd 0x3dcccccd 0x3dcccccd [v128:q0, v128:q1, v128:q2]
;;             0030  mov w17, #0xcccd
;;             0034  movk w17, #0x3dcc, lsl #16
;;             0038  dup v2.4s, w17
;;   0x131   end                           (returned)
;;             003c  str q0, [x29, #0x10]
;;             0040  str q1, [x29, #0x20]
;;             0044  str q2, [x29, #0x30]
;;             0048  mov sp, x29
;;             004c  ldp x29, x30, [sp], #0x10
;;             0050  ret
;;           out-of-line stubs
;;             0054  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $halves (result v128 v128 v128): 152 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x94
;;   0x134   v128.const i32x4 0x05060708 0x01020304 0x00000000 0x00000000 [v128:q0]
;;             0028  mov x17, #0x708
;;             002c  movk x17, #0x506, lsl #16
;;             0030  movk x17, #0x304, lsl #32
;;             0034  movk x17, #0x102, lsl #48
;;             0038  fmov d0, x17
;;   0x146   v128.const i32x4 0x00000000 0x00000000 0x05060708 0x01020304 [v128:q0, v128:q1]
;;             003c  movi v1.2d, #0x0
;;             0040  mov x17, #0x708
;;             0044  movk x17, #0x506, lsl #16
;;             0048  movk x17, #0x304, lsl #32
;;             004c  movk x17, #0x102, lsl #48
;;             0050  mov v1.d[1], x17
;;   0x158   v128.const i32x4 0x05060708 0x01020304 0x0d0e0f10 0x090a0b0c [v128:q0, v128:q1, v128:q2]
;;             0054  mov x17, #0x708
;;             0058  movk x17, #0x506, lsl #16
;;             005c  movk x17, #0x304, lsl #32
;;             0060  movk x17, #0x102, lsl #48
;;             0064  fmov d2, x17
;;             0068  mov x17, #0xf10
;;             006c  movk x17, #0xd0e, lsl #16
;;             0070  movk x17, #0xb0c, lsl #32
;;             0074  movk x17, #0x90a, lsl #48
;;             0078  mov v2.d[1], x17
;;   0x16a   end                           (returned)
;;             007c  str q0, [x29, #0x10]
;;             0080  str q1, [x29, #0x20]
;;             0084  str q2, [x29, #0x30]
;;             0088  mov sp, x29
;;             008c  ldp x29, x30, [sp], #0x10
;;             0090  ret
;;           out-of-line stubs
;;             0094  udf #0x0  ; trap: call stack exhausted
