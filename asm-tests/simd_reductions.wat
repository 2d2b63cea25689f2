;; targets: x86_64 aarch64
;;
;; Vector-to-scalar reductions: all_true (is every lane nonzero) and
;; bitmask (the top bit of each lane, lane 0 in bit 0), per lane shape.

(module
  (func $all_true (param v128) (result i32 i32 i32 i32)
    (i8x16.all_true (local.get 0))
    (i16x8.all_true (local.get 0))
    (i32x4.all_true (local.get 0))
    (i64x2.all_true (local.get 0)))
  (func $bitmask (param v128) (result i32 i32 i32 i32)
    (i8x16.bitmask (local.get 0))
    (i16x8.bitmask (local.get 0))
    (i32x4.bitmask (local.get 0))
    (i64x2.bitmask (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 $all_true (param v128) (result i32 i32 i32 i32): 160 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x9e
;;   0x1d    local.get 0                   [v128:local 0]
;;   0x1f    i8x16.all_true                [i32:ebx]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pxor xmm15, xmm15
;;             0025  pcmpeqb xmm15, xmm0
;;             002a  ptest xmm15, xmm15
;;             0030  sete al
;;             0033  movzx ebx, al
;;   0x21    local.get 0                   [i32:ebx, v128:local 0]
;;   0x23    i16x8.all_true                [i32:ebx, i32:esi]
;;             0037  movdqu xmm0, [rbp+0x10]
;;             003c  pxor xmm15, xmm15
;;             0041  pcmpeqw xmm15, xmm0
;;             0046  ptest xmm15, xmm15
;;             004c  sete al
;;             004f  movzx esi, al
;;   0x26    local.get 0                   [i32:ebx, i32:esi, v128:local 0]
;;   0x28    i32x4.all_true                [i32:ebx, i32:esi, i32:edi]
;;             0053  movdqu xmm0, [rbp+0x10]
;;             0058  pxor xmm15, xmm15
;;             005d  pcmpeqd xmm15, xmm0
;;             0062  ptest xmm15, xmm15
;;             0068  sete al
;;             006b  movzx edi, al
;;   0x2b    local.get 0                   [i32:ebx, i32:esi, i32:edi, v128:local 0]
;;   0x2d    i64x2.all_true                [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             006f  movdqu xmm0, [rbp+0x10]
;;             0074  pxor xmm15, xmm15
;;             0079  pcmpeqq xmm15, xmm0
;;             007f  ptest xmm15, xmm15
;;             0085  sete al
;;             0088  movzx r8d, al
;;   0x30    end                           (returned)
;;             008c  mov [rbp+0x10], ebx
;;             008f  mov [rbp+0x18], esi
;;             0092  mov [rbp+0x20], edi
;;             0095  mov [rbp+0x28], r8d
;;             0099  mov rsp, rbp
;;             009c  pop rbp
;;             009d  ret
;;           out-of-line stubs
;;             009e  ud2  ; trap: call stack exhausted
;;
;; func 1 $bitmask (param v128) (result i32 i32 i32 i32): 100 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x62
;;   0x33    local.get 0                   [v128:local 0]
;;   0x35    i8x16.bitmask                 [i32:ebx]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pmovmskb ebx, xmm0
;;   0x37    local.get 0                   [i32:ebx, v128:local 0]
;;   0x39    i16x8.bitmask                 [i32:ebx, i32:esi]
;;             0025  movdqu xmm0, [rbp+0x10]
;;             002a  movaps xmm15, xmm0
;;             002e  pxor xmm14, xmm14
;;             0033  packsswb xmm15, xmm14
;;             0038  pmovmskb esi, xmm15
;;   0x3c    local.get 0                   [i32:ebx, i32:esi, v128:local 0]
;;   0x3e    i32x4.bitmask                 [i32:ebx, i32:esi, i32:edi]
;;             003d  movdqu xmm0, [rbp+0x10]
;;             0042  movmskps edi, xmm0
;;   0x41    local.get 0                   [i32:ebx, i32:esi, i32:edi, v128:local 0]
;;   0x43    i64x2.bitmask                 [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             0046  movdqu xmm0, [rbp+0x10]
;;             004b  movmskpd r8d, xmm0
;;   0x46    end                           (returned)
;;             0050  mov [rbp+0x10], ebx
;;             0053  mov [rbp+0x18], esi
;;             0056  mov [rbp+0x20], edi
;;             0059  mov [rbp+0x28], r8d
;;             005d  mov rsp, rbp
;;             0060  pop rbp
;;             0061  ret
;;           out-of-line stubs
;;             0062  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $all_true (param v128) (result i32 i32 i32 i32): 156 bytes of aarch64
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
;;             0024  b.lo 0x98
;;   0x1d    local.get 0                   [v128:local 0]
;;   0x1f    i8x16.all_true                [i32:w0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  uminv b31, v0.16b
;;             0030  fmov w16, s31
;;             0034  cmp w16, #0x0
;;             0038  cset w0, ne
;;   0x21    local.get 0                   [i32:w0, v128:local 0]
;;   0x23    i16x8.all_true                [i32:w0, i32:w1]
;;             003c  ldr q0, [x29, #0x10]
;;             0040  uminv h31, v0.8h
;;             0044  fmov w16, s31
;;             0048  cmp w16, #0x0
;;             004c  cset w1, ne
;;   0x26    local.get 0                   [i32:w0, i32:w1, v128:local 0]
;;   0x28    i32x4.all_true                [i32:w0, i32:w1, i32:w2]
;;             0050  ldr q0, [x29, #0x10]
;;             0054  uminv s31, v0.4s
;;             0058  fmov w16, s31
;;             005c  cmp w16, #0x0
;;             0060  cset w2, ne
;;   0x2b    local.get 0                   [i32:w0, i32:w1, i32:w2, v128:local 0]
;;   0x2d    i64x2.all_true                [i32:w0, i32:w1, i32:w2, i32:w3]
;;             0064  ldr q0, [x29, #0x10]
;;             0068  cmeq v31.2d, v0.2d, #0x0
;;             006c  umaxp v31.4s, v31.4s, v31.4s
;;             0070  fmov x16, d31
;;             0074  cmp x16, #0x0
;;             0078  cset w3, eq
;;   0x30    end                           (returned)
;;             007c  str w0, [x29, #0x10]
;;             0080  str w1, [x29, #0x18]
;;             0084  str w2, [x29, #0x20]
;;             0088  str w3, [x29, #0x28]
;;             008c  mov sp, x29
;;             0090  ldp x29, x30, [sp], #0x10
;;             0094  ret
;;           out-of-line stubs
;;             0098  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $bitmask (param v128) (result i32 i32 i32 i32): 176 bytes of aarch64
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
;;             0024  b.lo 0xac
;;   0x33    local.get 0                   [v128:local 0]
;;   0x35    i8x16.bitmask                 [i32:w0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  ushr v31.16b, v0.16b, #0x7
;;             0030  usra v31.8h, v31.8h, #0x7
;;             0034  usra v31.4s, v31.4s, #0xe
;;             0038  usra v31.2d, v31.2d, #0x1c
;;             003c  umov w16, v31.b[0]
;;             0040  umov w0, v31.b[8]
;;             0044  orr w0, w16, w0, lsl #8
;;   0x37    local.get 0                   [i32:w0, v128:local 0]
;;   0x39    i16x8.bitmask                 [i32:w0, i32:w1]
;;             0048  ldr q0, [x29, #0x10]
;;             004c  ushr v31.8h, v0.8h, #0xf
;;             0050  usra v31.4s, v31.4s, #0xf
;;             0054  usra v31.2d, v31.2d, #0x1e
;;             0058  umov w16, v31.b[0]
;;             005c  umov w1, v31.b[8]
;;             0060  orr w1, w16, w1, lsl #4
;;   0x3c    local.get 0                   [i32:w0, i32:w1, v128:local 0]
;;   0x3e    i32x4.bitmask                 [i32:w0, i32:w1, i32:w2]
;;             0064  ldr q0, [x29, #0x10]
;;             0068  ushr v31.4s, v0.4s, #0x1f
;;             006c  usra v31.2d, v31.2d, #0x1f
;;             0070  umov w16, v31.b[0]
;;             0074  umov w2, v31.b[8]
;;             0078  orr w2, w16, w2, lsl #2
;;   0x41    local.get 0                   [i32:w0, i32:w1, i32:w2, v128:local 0]
;;   0x43    i64x2.bitmask                 [i32:w0, i32:w1, i32:w2, i32:w3]
;;             007c  ldr q0, [x29, #0x10]
;;             0080  ushr v31.2d, v0.2d, #0x3f
;;             0084  umov w16, v31.b[0]
;;             0088  umov w3, v31.b[8]
;;             008c  orr w3, w16, w3, lsl #1
;;   0x46    end                           (returned)
;;             0090  str w0, [x29, #0x10]
;;             0094  str w1, [x29, #0x18]
;;             0098  str w2, [x29, #0x20]
;;             009c  str w3, [x29, #0x28]
;;             00a0  mov sp, x29
;;             00a4  ldp x29, x30, [sp], #0x10
;;             00a8  ret
;;           out-of-line stubs
;;             00ac  udf #0x0  ; trap: call stack exhausted
