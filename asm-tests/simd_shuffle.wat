;; targets: x86_64 x86_64:min aarch64
;;
;; i8x16.shuffle with a few lane patterns (identity, lanes of one operand
;; only, both operands interleaved, a broadcast of one lane, the second
;; operand only) and i8x16.swizzle, whose out-of-range indices give 0.
;; x86-64 uses pshufd where the pattern moves whole dwords of one operand,
;; else pshufb with a constant mask (two of them and a por for two
;; operands); aarch64 always uses tbl with a constant index vector (and a
;; tbx for two operands).

(module
  (func $identity (param v128 v128) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
      (local.get 0) (local.get 1)))
  (func $one_source (param v128 v128) (result v128)
    (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0
      (local.get 0) (local.get 1)))
  (func $two_sources (param v128 v128) (result v128)
    (i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23
      (local.get 0) (local.get 1)))
  (func $broadcast (param v128 v128) (result v128)
    (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7
      (local.get 0) (local.get 1)))
  (func $second_only (param v128 v128) (result v128)
    (i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
      (local.get 0) (local.get 1)))
  (func $swizzle (param v128 v128) (result v128)
    (i8x16.swizzle (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $identity (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x20    local.get 0                   [v128:local 0]
;;   0x22    local.get 1                   [v128:local 0, v128:local 1]
;;   0x24    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufd xmm1, xmm1, 0xe4
;;   0x36    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 1 $one_source (param v128 v128) (result v128): 97 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x5f
;;   0x39    local.get 0                   [v128:local 0]
;;   0x3b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x3d    i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  mov rax, 0x8090a0b0c0d0e0f
;;             003b  movq xmm15, rax
;;             0040  mov rax, 0x1020304050607
;;             004a  pinsrq xmm15, rax, 1
;;             0051  vpshufb xmm1, xmm1, xmm15
;;   0x4f    end                           (returned)
;;             0056  movaps xmm0, xmm1
;;             005a  mov rsp, rbp
;;             005d  pop rbp
;;             005e  ret
;;           out-of-line stubs
;;             005f  ud2  ; trap: call stack exhausted
;;
;; func 2 $two_sources (param v128 v128) (result v128): 139 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x89
;;   0x52    local.get 0                   [v128:local 0]
;;   0x54    local.get 1                   [v128:local 0, v128:local 1]
;;   0x56    i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  mov rax, 0x8003800280018000
;;             003b  movq xmm14, rax
;;             0040  mov rax, 0x8007800680058004
;;             004a  pinsrq xmm14, rax, 1
;;             0051  vpshufb xmm15, xmm1, xmm14
;;             0056  mov rax, 0x380028001800080
;;             0060  movq xmm14, rax
;;             0065  mov rax, 0x780068005800480
;;             006f  pinsrq xmm14, rax, 1
;;             0076  vpshufb xmm1, xmm0, xmm14
;;             007b  por xmm1, xmm15
;;   0x68    end                           (returned)
;;             0080  movaps xmm0, xmm1
;;             0084  mov rsp, rbp
;;             0087  pop rbp
;;             0088  ret
;;           out-of-line stubs
;;             0089  ud2  ; trap: call stack exhausted
;;
;; func 3 $broadcast (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x6b    local.get 0                   [v128:local 0]
;;   0x6d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6f    i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufd xmm1, xmm1, 0x55
;;   0x81    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 4 $second_only (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x84    local.get 0                   [v128:local 0]
;;   0x86    local.get 1                   [v128:local 0, v128:local 1]
;;   0x88    i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufd xmm1, xmm0, 0xe4
;;   0x9a    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 5 $swizzle (param v128 v128) (result v128): 86 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x54
;;   0x9d    local.get 0                   [v128:local 0]
;;   0x9f    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa1    i8x16.swizzle                 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  mov eax, 0x70707070
;;             0036  movd xmm15, eax
;;             003b  pshufd xmm15, xmm15, 0
;;             0041  paddusb xmm15, xmm0
;;             0046  vpshufb xmm1, xmm1, xmm15
;;   0xa3    end                           (returned)
;;             004b  movaps xmm0, xmm1
;;             004f  mov rsp, rbp
;;             0052  pop rbp
;;             0053  ret
;;           out-of-line stubs
;;             0054  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $identity (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x20    local.get 0                   [v128:local 0]
;;   0x22    local.get 1                   [v128:local 0, v128:local 1]
;;   0x24    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufd xmm1, xmm1, 0xe4
;;   0x36    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 1 $one_source (param v128 v128) (result v128): 98 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x60
;;   0x39    local.get 0                   [v128:local 0]
;;   0x3b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x3d    i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  mov rax, 0x8090a0b0c0d0e0f
;;             003b  movq xmm15, rax
;;             0040  mov rax, 0x1020304050607
;;             004a  pinsrq xmm15, rax, 1
;;             0051  pshufb xmm1, xmm15
;;   0x4f    end                           (returned)
;;             0057  movaps xmm0, xmm1
;;             005b  mov rsp, rbp
;;             005e  pop rbp
;;             005f  ret
;;           out-of-line stubs
;;             0060  ud2  ; trap: call stack exhausted
;;
;; func 2 $two_sources (param v128 v128) (result v128): 149 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x93
;;   0x52    local.get 0                   [v128:local 0]
;;   0x54    local.get 1                   [v128:local 0, v128:local 1]
;;   0x56    i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  mov rax, 0x8003800280018000
;;             003b  movq xmm14, rax
;;             0040  mov rax, 0x8007800680058004
;;             004a  pinsrq xmm14, rax, 1
;;             0051  movaps xmm15, xmm1
;;             0055  pshufb xmm15, xmm14
;;             005b  mov rax, 0x380028001800080
;;             0065  movq xmm14, rax
;;             006a  mov rax, 0x780068005800480
;;             0074  pinsrq xmm14, rax, 1
;;             007b  movaps xmm1, xmm0
;;             007f  pshufb xmm1, xmm14
;;             0085  por xmm1, xmm15
;;   0x68    end                           (returned)
;;             008a  movaps xmm0, xmm1
;;             008e  mov rsp, rbp
;;             0091  pop rbp
;;             0092  ret
;;           out-of-line stubs
;;             0093  ud2  ; trap: call stack exhausted
;;
;; func 3 $broadcast (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x6b    local.get 0                   [v128:local 0]
;;   0x6d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6f    i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufd xmm1, xmm1, 0x55
;;   0x81    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 4 $second_only (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x84    local.get 0                   [v128:local 0]
;;   0x86    local.get 1                   [v128:local 0, v128:local 1]
;;   0x88    i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufd xmm1, xmm0, 0xe4
;;   0x9a    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 5 $swizzle (param v128 v128) (result v128): 87 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x55
;;   0x9d    local.get 0                   [v128:local 0]
;;   0x9f    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa1    i8x16.swizzle                 [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  mov eax, 0x70707070
;;             0036  movd xmm15, eax
;;             003b  pshufd xmm15, xmm15, 0
;;             0041  paddusb xmm15, xmm0
;;             0046  pshufb xmm1, xmm15
;;   0xa3    end                           (returned)
;;             004c  movaps xmm0, xmm1
;;             0050  mov rsp, rbp
;;             0053  pop rbp
;;             0054  ret
;;           out-of-line stubs
;;             0055  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $identity (param v128 v128) (result v128): 112 bytes of aarch64
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
;;             0024  b.lo 0x6c
;;   0x20    local.get 0                   [v128:local 0]
;;   0x22    local.get 1                   [v128:local 0, v128:local 1]
;;   0x24    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0x100
;;             0034  movk x16, #0x302, lsl #16
;;             0038  movk x16, #0x504, lsl #32
;;             003c  movk x16, #0x706, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov x16, #0x908
;;             0048  movk x16, #0xb0a, lsl #16
;;             004c  movk x16, #0xd0c, lsl #32
;;             0050  movk x16, #0xf0e, lsl #48
;;             0054  mov v31.d[1], x16
;;             0058  tbl v1.16b, {v1.16b}, v31.16b
;;   0x36    end                           (returned)
;;             005c  mov v0.16b, v1.16b
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $one_source (param v128 v128) (result v128): 112 bytes of aarch64
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
;;             0024  b.lo 0x6c
;;   0x39    local.get 0                   [v128:local 0]
;;   0x3b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x3d    i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0xe0f
;;             0034  movk x16, #0xc0d, lsl #16
;;             0038  movk x16, #0xa0b, lsl #32
;;             003c  movk x16, #0x809, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov x16, #0x607
;;             0048  movk x16, #0x405, lsl #16
;;             004c  movk x16, #0x203, lsl #32
;;             0050  movk x16, #0x1, lsl #48
;;             0054  mov v31.d[1], x16
;;             0058  tbl v1.16b, {v1.16b}, v31.16b
;;   0x4f    end                           (returned)
;;             005c  mov v0.16b, v1.16b
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $two_sources (param v128 v128) (result v128): 120 bytes of aarch64
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
;;             0024  b.lo 0x74
;;   0x52    local.get 0                   [v128:local 0]
;;   0x54    local.get 1                   [v128:local 0, v128:local 1]
;;   0x56    i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0xff00
;;             0034  movk x16, #0xfe01, lsl #16
;;             0038  movk x16, #0xfd02, lsl #32
;;             003c  movk x16, #0xfc03, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov x16, #0xfb04
;;             0048  movk x16, #0xfa05, lsl #16
;;             004c  movk x16, #0xf906, lsl #32
;;             0050  movk x16, #0xf807, lsl #48
;;             0054  mov v31.d[1], x16
;;             0058  tbl v1.16b, {v1.16b}, v31.16b
;;             005c  mvn v31.16b, v31.16b
;;             0060  tbx v1.16b, {v0.16b}, v31.16b
;;   0x68    end                           (returned)
;;             0064  mov v0.16b, v1.16b
;;             0068  mov sp, x29
;;             006c  ldp x29, x30, [sp], #0x10
;;             0070  ret
;;           out-of-line stubs
;;             0074  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $broadcast (param v128 v128) (result v128): 96 bytes of aarch64
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
;;             0024  b.lo 0x5c
;;   0x6b    local.get 0                   [v128:local 0]
;;   0x6d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6f    i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0x504
;;             0034  movk x16, #0x706, lsl #16
;;             0038  movk x16, #0x504, lsl #32
;;             003c  movk x16, #0x706, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov v31.2d, v31.d[0]
;;             0048  tbl v1.16b, {v1.16b}, v31.16b
;;   0x81    end                           (returned)
;;             004c  mov v0.16b, v1.16b
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $second_only (param v128 v128) (result v128): 112 bytes of aarch64
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
;;             0024  b.lo 0x6c
;;   0x84    local.get 0                   [v128:local 0]
;;   0x86    local.get 1                   [v128:local 0, v128:local 1]
;;   0x88    i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0x100
;;             0034  movk x16, #0x302, lsl #16
;;             0038  movk x16, #0x504, lsl #32
;;             003c  movk x16, #0x706, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov x16, #0x908
;;             0048  movk x16, #0xb0a, lsl #16
;;             004c  movk x16, #0xd0c, lsl #32
;;             0050  movk x16, #0xf0e, lsl #48
;;             0054  mov v31.d[1], x16
;;             0058  tbl v1.16b, {v0.16b}, v31.16b
;;   0x9a    end                           (returned)
;;             005c  mov v0.16b, v1.16b
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
;;
;; func 5 $swizzle (param v128 v128) (result v128): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x9d    local.get 0                   [v128:local 0]
;;   0x9f    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa1    i8x16.swizzle                 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  tbl v1.16b, {v1.16b}, v0.16b
;;   0xa3    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
