;; targets: x86_64 aarch64
;;
;; Float comparisons: ordered, except `ne`, which is true on NaN.

(module
  (func (param f64 f64) (result i32)
    (f64.eq (local.get 0) (local.get 1))
    (f64.ne (local.get 0) (local.get 1))
    (f64.lt (local.get 0) (local.get 1))
    (f64.gt (local.get 0) (local.get 1))
    (f64.le (local.get 0) (local.get 1))
    (f64.ge (local.get 0) (local.get 1))
    i32.and i32.or i32.xor i32.add i32.sub)
  (func (param f32 f32) (result i32)
    (f32.lt (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param f64 f64) (result i32): 191 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xbd
;;   0x21    local.get 0                   [f64:local 0]
;;   0x23    local.get 1                   [f64:local 0, f64:local 1]
;;   0x25    f64.eq                        [i32:ebx]
;;             001b  movsd xmm0, [rbp+0x18]
;;             0020  movsd xmm1, [rbp+0x10]
;;             0025  ucomisd xmm1, xmm0
;;             002a  sete al
;;             002d  setnp cl
;;             0030  and al, cl
;;             0032  movzx ebx, al
;;   0x26    local.get 0                   [i32:ebx, f64:local 0]
;;   0x28    local.get 1                   [i32:ebx, f64:local 0, f64:local 1]
;;   0x2a    f64.ne                        [i32:ebx, i32:esi]
;;             0036  movsd xmm0, [rbp+0x18]
;;             003b  movsd xmm1, [rbp+0x10]
;;             0040  ucomisd xmm1, xmm0
;;             0045  setne al
;;             0048  setp cl
;;             004b  or al, cl
;;             004d  movzx esi, al
;;   0x2b    local.get 0                   [i32:ebx, i32:esi, f64:local 0]
;;   0x2d    local.get 1                   [i32:ebx, i32:esi, f64:local 0, f64:local 1]
;;   0x2f    f64.lt                        [i32:ebx, i32:esi, i32:edi]
;;             0051  movsd xmm0, [rbp+0x18]
;;             0056  movsd xmm1, [rbp+0x10]
;;             005b  ucomisd xmm0, xmm1
;;             0060  seta al
;;             0063  movzx edi, al
;;   0x30    local.get 0                   [i32:ebx, i32:esi, i32:edi, f64:local 0]
;;   0x32    local.get 1                   [i32:ebx, i32:esi, i32:edi, f64:local 0, f64:local 1]
;;   0x34    f64.gt                        [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             0067  movsd xmm0, [rbp+0x18]
;;             006c  movsd xmm1, [rbp+0x10]
;;             0071  ucomisd xmm1, xmm0
;;             0076  seta al
;;             0079  movzx r8d, al
;;   0x35    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, f64:local 0]
;;   0x37    local.get 1                   [i32:ebx, i32:esi, i32:edi, i32:r8d, f64:local 0, f64:local 1]
;;   0x39    f64.le                        [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             007d  movsd xmm0, [rbp+0x18]
;;             0082  movsd xmm1, [rbp+0x10]
;;             0087  ucomisd xmm0, xmm1
;;             008c  setae al
;;             008f  movzx r9d, al
;;   0x3a    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, f64:local 0]
;;   0x3c    local.get 1                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, f64:local 0, f64:local 1]
;;   0x3e    f64.ge                        [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;             0093  movsd xmm0, [rbp+0x18]
;;             0098  movsd xmm1, [rbp+0x10]
;;             009d  ucomisd xmm1, xmm0
;;             00a2  setae al
;;             00a5  movzx r10d, al
;;   0x3f    i32.and                       [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             00a9  and r9d, r10d
;;   0x40    i32.or                        [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             00ac  or r8d, r9d
;;   0x41    i32.xor                       [i32:ebx, i32:esi, i32:edi]
;;             00af  xor edi, r8d
;;   0x42    i32.add                       [i32:ebx, i32:esi]
;;             00b2  add esi, edi
;;   0x43    i32.sub                       [i32:ebx]
;;             00b4  sub ebx, esi
;;   0x44    end                           (returned)
;;             00b6  mov eax, ebx
;;             00b8  mov rsp, rbp
;;             00bb  pop rbp
;;             00bc  ret
;;           out-of-line stubs
;;             00bd  ud2  ; trap: call stack exhausted
;;
;; func 1 (param f32 f32) (result i32): 57 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x37
;;   0x47    local.get 0                   [f32:local 0]
;;   0x49    local.get 1                   [f32:local 0, f32:local 1]
;;   0x4b    f32.lt                        [i32:ebx]
;;             001b  movss xmm0, [rbp+0x18]
;;             0020  movss xmm1, [rbp+0x10]
;;             0025  ucomiss xmm0, xmm1
;;             0029  seta al
;;             002c  movzx ebx, al
;;   0x4c    end                           (returned)
;;             0030  mov eax, ebx
;;             0032  mov rsp, rbp
;;             0035  pop rbp
;;             0036  ret
;;           out-of-line stubs
;;             0037  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param f64 f64) (result i32): 172 bytes of aarch64
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
;;             0024  b.lo 0xa8
;;   0x21    local.get 0                   [f64:local 0]
;;   0x23    local.get 1                   [f64:local 0, f64:local 1]
;;   0x25    f64.eq                        [i32:w0]
;;             0028  ldr d0, [x29, #0x18]
;;             002c  ldr d1, [x29, #0x10]
;;             0030  fcmp d1, d0
;;             0034  cset w0, eq
;;   0x26    local.get 0                   [i32:w0, f64:local 0]
;;   0x28    local.get 1                   [i32:w0, f64:local 0, f64:local 1]
;;   0x2a    f64.ne                        [i32:w0, i32:w1]
;;             0038  ldr d0, [x29, #0x18]
;;             003c  ldr d1, [x29, #0x10]
;;             0040  fcmp d1, d0
;;             0044  cset w1, ne
;;   0x2b    local.get 0                   [i32:w0, i32:w1, f64:local 0]
;;   0x2d    local.get 1                   [i32:w0, i32:w1, f64:local 0, f64:local 1]
;;   0x2f    f64.lt                        [i32:w0, i32:w1, i32:w2]
;;             0048  ldr d0, [x29, #0x18]
;;             004c  ldr d1, [x29, #0x10]
;;             0050  fcmp d1, d0
;;             0054  cset w2, mi
;;   0x30    local.get 0                   [i32:w0, i32:w1, i32:w2, f64:local 0]
;;   0x32    local.get 1                   [i32:w0, i32:w1, i32:w2, f64:local 0, f64:local 1]
;;   0x34    f64.gt                        [i32:w0, i32:w1, i32:w2, i32:w3]
;;             0058  ldr d0, [x29, #0x18]
;;             005c  ldr d1, [x29, #0x10]
;;             0060  fcmp d1, d0
;;             0064  cset w3, gt
;;   0x35    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, f64:local 0]
;;   0x37    local.get 1                   [i32:w0, i32:w1, i32:w2, i32:w3, f64:local 0, f64:local 1]
;;   0x39    f64.le                        [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4]
;;             0068  ldr d0, [x29, #0x18]
;;             006c  ldr d1, [x29, #0x10]
;;             0070  fcmp d1, d0
;;             0074  cset w4, ls
;;   0x3a    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, f64:local 0]
;;   0x3c    local.get 1                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, f64:local 0, f64:local 1]
;;   0x3e    f64.ge                        [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5]
;;             0078  ldr d0, [x29, #0x18]
;;             007c  ldr d1, [x29, #0x10]
;;             0080  fcmp d1, d0
;;             0084  cset w5, ge
;;   0x3f    i32.and                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4]
;;             0088  and w4, w4, w5
;;   0x40    i32.or                        [i32:w0, i32:w1, i32:w2, i32:w3]
;;             008c  orr w3, w3, w4
;;   0x41    i32.xor                       [i32:w0, i32:w1, i32:w2]
;;             0090  eor w2, w2, w3
;;   0x42    i32.add                       [i32:w0, i32:w1]
;;             0094  add w1, w1, w2
;;   0x43    i32.sub                       [i32:w0]
;;             0098  sub w0, w0, w1
;;   0x44    end                           (returned)
;;             009c  mov sp, x29
;;             00a0  ldp x29, x30, [sp], #0x10
;;             00a4  ret
;;           out-of-line stubs
;;             00a8  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param f32 f32) (result i32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x47    local.get 0                   [f32:local 0]
;;   0x49    local.get 1                   [f32:local 0, f32:local 1]
;;   0x4b    f32.lt                        [i32:w0]
;;             0028  ldr s0, [x29, #0x18]
;;             002c  ldr s1, [x29, #0x10]
;;             0030  fcmp s1, s0
;;             0034  cset w0, mi
;;   0x4c    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
