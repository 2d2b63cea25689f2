;; targets: x86_64 x86_64:min aarch64
;;
;; Lane conversions between integers and floats: saturating truncation
;; (NaN gives 0, out-of-range values clamp), signed and unsigned
;; conversion to float, the f64x2 forms that use or fill only the low two
;; i32 lanes (the high lanes of a *_zero result are 0), and f32/f64
;; demotion and promotion.

(module
  (func $f32x4_i32x4 (param v128) (result v128)
    (i32x4.trunc_sat_f32x4_s (local.get 0))
    (f32x4.convert_i32x4_s)
    (i32x4.trunc_sat_f32x4_u)
    (f32x4.convert_i32x4_u))
  (func $f64x2_i32x4 (param v128) (result v128)
    (i32x4.trunc_sat_f64x2_s_zero (local.get 0))
    (f64x2.convert_low_i32x4_s)
    (i32x4.trunc_sat_f64x2_u_zero)
    (f64x2.convert_low_i32x4_u))
  (func $demote_promote (param v128) (result v128)
    (f32x4.demote_f64x2_zero (local.get 0))
    (f64x2.promote_low_f32x4)))

;; ==== expected x86_64 ====
;; func 0 $f32x4_i32x4 (param v128) (result v128): 208 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xce
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    i32x4.trunc_sat_f32x4_s       [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  movaps xmm15, xmm0
;;             002c  cmpeqps xmm15, xmm15
;;             0031  andps xmm0, xmm15
;;             0035  pxor xmm15, xmm0
;;             003a  cvttps2dq xmm0, xmm0
;;             003f  pand xmm15, xmm0
;;             0044  psrad xmm15, 0x1f
;;             004a  pxor xmm0, xmm15
;;   0x20    f32x4.convert_i32x4_s         [v128:xmm0]
;;             004f  cvtdq2ps xmm0, xmm0
;;   0x23    i32x4.trunc_sat_f32x4_u       [v128:xmm0]
;;             0053  xorps xmm15, xmm15
;;             0057  maxps xmm0, xmm15
;;             005b  pcmpeqd xmm15, xmm15
;;             0060  psrld xmm15, 1
;;             0066  cvtdq2ps xmm15, xmm15
;;             006a  movaps xmm14, xmm0
;;             006e  subps xmm14, xmm15
;;             0072  cmpleps xmm15, xmm14
;;             0077  cvttps2dq xmm14, xmm14
;;             007c  pxor xmm14, xmm15
;;             0081  pxor xmm15, xmm15
;;             0086  pmaxsd xmm14, xmm15
;;             008c  cvttps2dq xmm0, xmm0
;;             0091  paddd xmm0, xmm14
;;   0x26    f32x4.convert_i32x4_u         [v128:xmm0]
;;             0096  movaps xmm15, xmm0
;;             009a  pslld xmm15, 0x10
;;             00a0  psrld xmm15, 0x10
;;             00a6  movaps xmm14, xmm0
;;             00aa  psubd xmm14, xmm15
;;             00af  psrld xmm14, 1
;;             00b5  cvtdq2ps xmm14, xmm14
;;             00b9  addps xmm14, xmm14
;;             00bd  cvtdq2ps xmm15, xmm15
;;             00c1  addps xmm14, xmm15
;;             00c5  movaps xmm0, xmm14
;;   0x29    end                           (returned)
;;             00c9  mov rsp, rbp
;;             00cc  pop rbp
;;             00cd  ret
;;           out-of-line stubs
;;             00ce  ud2  ; trap: call stack exhausted
;;
;; func 1 $f64x2_i32x4 (param v128) (result v128): 201 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xc7
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    i32x4.trunc_sat_f64x2_s_zero  [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  mov rax, 0x41dfffffffc00000
;;             0032  movq xmm14, rax
;;             0037  punpcklqdq xmm14, xmm14
;;             003c  movaps xmm15, xmm0
;;             0040  cmpeqpd xmm15, xmm15
;;             0046  andpd xmm15, xmm14
;;             004b  minpd xmm0, xmm15
;;             0050  cvttpd2dq xmm0, xmm0
;;   0x31    f64x2.convert_low_i32x4_s     [v128:xmm0]
;;             0055  cvtdq2pd xmm0, xmm0
;;   0x34    i32x4.trunc_sat_f64x2_u_zero  [v128:xmm0]
;;             005a  xorpd xmm15, xmm15
;;             005f  maxpd xmm0, xmm15
;;             0064  mov rax, 0x41efffffffe00000
;;             006e  movq xmm14, rax
;;             0073  punpcklqdq xmm14, xmm14
;;             0078  minpd xmm0, xmm14
;;             007d  roundpd xmm0, xmm0, 3
;;             0084  mov rax, 0x4330000000000000
;;             008e  movq xmm14, rax
;;             0093  punpcklqdq xmm14, xmm14
;;             0098  addpd xmm0, xmm14
;;             009d  shufps xmm0, xmm15, 0x88
;;   0x37    f64x2.convert_low_i32x4_u     [v128:xmm0]
;;             00a2  mov eax, 0x43300000
;;             00a7  movd xmm14, eax
;;             00ac  pshufd xmm14, xmm14, 0
;;             00b2  vunpcklps xmm15, xmm0, xmm14
;;             00b7  psllq xmm14, 0x20
;;             00bd  vsubpd xmm0, xmm15, xmm14
;;   0x3a    end                           (returned)
;;             00c2  mov rsp, rbp
;;             00c5  pop rbp
;;             00c6  ret
;;           out-of-line stubs
;;             00c7  ud2  ; trap: call stack exhausted
;;
;; func 2 $demote_promote (param v128) (result v128): 56 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x36
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    f32x4.demote_f64x2_zero       [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  cvtpd2ps xmm0, xmm0
;;   0x41    f64x2.promote_low_f32x4       [v128:xmm0]
;;             002d  cvtps2pd xmm0, xmm0
;;   0x43    end                           (returned)
;;             0031  mov rsp, rbp
;;             0034  pop rbp
;;             0035  ret
;;           out-of-line stubs
;;             0036  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $f32x4_i32x4 (param v128) (result v128): 208 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xce
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    i32x4.trunc_sat_f32x4_s       [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  movaps xmm15, xmm0
;;             002c  cmpeqps xmm15, xmm15
;;             0031  andps xmm0, xmm15
;;             0035  pxor xmm15, xmm0
;;             003a  cvttps2dq xmm0, xmm0
;;             003f  pand xmm15, xmm0
;;             0044  psrad xmm15, 0x1f
;;             004a  pxor xmm0, xmm15
;;   0x20    f32x4.convert_i32x4_s         [v128:xmm0]
;;             004f  cvtdq2ps xmm0, xmm0
;;   0x23    i32x4.trunc_sat_f32x4_u       [v128:xmm0]
;;             0053  xorps xmm15, xmm15
;;             0057  maxps xmm0, xmm15
;;             005b  pcmpeqd xmm15, xmm15
;;             0060  psrld xmm15, 1
;;             0066  cvtdq2ps xmm15, xmm15
;;             006a  movaps xmm14, xmm0
;;             006e  subps xmm14, xmm15
;;             0072  cmpleps xmm15, xmm14
;;             0077  cvttps2dq xmm14, xmm14
;;             007c  pxor xmm14, xmm15
;;             0081  pxor xmm15, xmm15
;;             0086  pmaxsd xmm14, xmm15
;;             008c  cvttps2dq xmm0, xmm0
;;             0091  paddd xmm0, xmm14
;;   0x26    f32x4.convert_i32x4_u         [v128:xmm0]
;;             0096  movaps xmm15, xmm0
;;             009a  pslld xmm15, 0x10
;;             00a0  psrld xmm15, 0x10
;;             00a6  movaps xmm14, xmm0
;;             00aa  psubd xmm14, xmm15
;;             00af  psrld xmm14, 1
;;             00b5  cvtdq2ps xmm14, xmm14
;;             00b9  addps xmm14, xmm14
;;             00bd  cvtdq2ps xmm15, xmm15
;;             00c1  addps xmm14, xmm15
;;             00c5  movaps xmm0, xmm14
;;   0x29    end                           (returned)
;;             00c9  mov rsp, rbp
;;             00cc  pop rbp
;;             00cd  ret
;;           out-of-line stubs
;;             00ce  ud2  ; trap: call stack exhausted
;;
;; func 1 $f64x2_i32x4 (param v128) (result v128): 208 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xce
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    i32x4.trunc_sat_f64x2_s_zero  [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  mov rax, 0x41dfffffffc00000
;;             0032  movq xmm14, rax
;;             0037  punpcklqdq xmm14, xmm14
;;             003c  movaps xmm15, xmm0
;;             0040  cmpeqpd xmm15, xmm15
;;             0046  andpd xmm15, xmm14
;;             004b  minpd xmm0, xmm15
;;             0050  cvttpd2dq xmm0, xmm0
;;   0x31    f64x2.convert_low_i32x4_s     [v128:xmm0]
;;             0055  cvtdq2pd xmm0, xmm0
;;   0x34    i32x4.trunc_sat_f64x2_u_zero  [v128:xmm0]
;;             005a  xorpd xmm15, xmm15
;;             005f  maxpd xmm0, xmm15
;;             0064  mov rax, 0x41efffffffe00000
;;             006e  movq xmm14, rax
;;             0073  punpcklqdq xmm14, xmm14
;;             0078  minpd xmm0, xmm14
;;             007d  roundpd xmm0, xmm0, 3
;;             0084  mov rax, 0x4330000000000000
;;             008e  movq xmm14, rax
;;             0093  punpcklqdq xmm14, xmm14
;;             0098  addpd xmm0, xmm14
;;             009d  shufps xmm0, xmm15, 0x88
;;   0x37    f64x2.convert_low_i32x4_u     [v128:xmm0]
;;             00a2  mov eax, 0x43300000
;;             00a7  movd xmm14, eax
;;             00ac  pshufd xmm14, xmm14, 0
;;             00b2  movaps xmm15, xmm0
;;             00b6  unpcklps xmm15, xmm14
;;             00ba  psllq xmm14, 0x20
;;             00c0  subpd xmm15, xmm14
;;             00c5  movaps xmm0, xmm15
;;   0x3a    end                           (returned)
;;             00c9  mov rsp, rbp
;;             00cc  pop rbp
;;             00cd  ret
;;           out-of-line stubs
;;             00ce  ud2  ; trap: call stack exhausted
;;
;; func 2 $demote_promote (param v128) (result v128): 56 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x36
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    f32x4.demote_f64x2_zero       [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  cvtpd2ps xmm0, xmm0
;;   0x41    f64x2.promote_low_f32x4       [v128:xmm0]
;;             002d  cvtps2pd xmm0, xmm0
;;   0x43    end                           (returned)
;;             0031  mov rsp, rbp
;;             0034  pop rbp
;;             0035  ret
;;           out-of-line stubs
;;             0036  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $f32x4_i32x4 (param v128) (result v128): 76 bytes of aarch64
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
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    i32x4.trunc_sat_f32x4_s       [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  fcvtzs v0.4s, v0.4s
;;   0x20    f32x4.convert_i32x4_s         [v128:q0]
;;             0030  scvtf v0.4s, v0.4s
;;   0x23    i32x4.trunc_sat_f32x4_u       [v128:q0]
;;             0034  fcvtzu v0.4s, v0.4s
;;   0x26    f32x4.convert_i32x4_u         [v128:q0]
;;             0038  ucvtf v0.4s, v0.4s
;;   0x29    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $f64x2_i32x4 (param v128) (result v128): 92 bytes of aarch64
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
;;             0024  b.lo 0x58
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    i32x4.trunc_sat_f64x2_s_zero  [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  fcvtzs v31.2d, v0.2d
;;             0030  sqxtn v0.2s, v31.2d
;;   0x31    f64x2.convert_low_i32x4_s     [v128:q0]
;;             0034  sshll v0.2d, v0.2s, #0x0
;;             0038  scvtf v0.2d, v0.2d
;;   0x34    i32x4.trunc_sat_f64x2_u_zero  [v128:q0]
;;             003c  fcvtzu v31.2d, v0.2d
;;             0040  uqxtn v0.2s, v31.2d
;;   0x37    f64x2.convert_low_i32x4_u     [v128:q0]
;;             0044  ushll v0.2d, v0.2s, #0x0
;;             0048  ucvtf v0.2d, v0.2d
;;   0x3a    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $demote_promote (param v128) (result v128): 68 bytes of aarch64
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
;;             0024  b.lo 0x40
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    f32x4.demote_f64x2_zero       [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  fcvtn v0.2s, v0.2d
;;   0x41    f64x2.promote_low_f32x4       [v128:q0]
;;             0030  fcvtl v0.2d, v0.2s
;;   0x43    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
