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
;; func 0 $f32x4_i32x4 (param v128) (result v128): 200 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xc6
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    i32x4.trunc_sat_f32x4_s       [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  movaps xmm15, xmm0
;;             0024  cmpeqps xmm15, xmm15
;;             0029  andps xmm0, xmm15
;;             002d  pxor xmm15, xmm0
;;             0032  cvttps2dq xmm0, xmm0
;;             0037  pand xmm15, xmm0
;;             003c  psrad xmm15, 0x1f
;;             0042  pxor xmm0, xmm15
;;   0x20    f32x4.convert_i32x4_s         [v128:xmm0]
;;             0047  cvtdq2ps xmm0, xmm0
;;   0x23    i32x4.trunc_sat_f32x4_u       [v128:xmm0]
;;             004b  xorps xmm15, xmm15
;;             004f  maxps xmm0, xmm15
;;             0053  pcmpeqd xmm15, xmm15
;;             0058  psrld xmm15, 1
;;             005e  cvtdq2ps xmm15, xmm15
;;             0062  movaps xmm14, xmm0
;;             0066  subps xmm14, xmm15
;;             006a  cmpleps xmm15, xmm14
;;             006f  cvttps2dq xmm14, xmm14
;;             0074  pxor xmm14, xmm15
;;             0079  pxor xmm15, xmm15
;;             007e  pmaxsd xmm14, xmm15
;;             0084  cvttps2dq xmm0, xmm0
;;             0089  paddd xmm0, xmm14
;;   0x26    f32x4.convert_i32x4_u         [v128:xmm0]
;;             008e  movaps xmm15, xmm0
;;             0092  pslld xmm15, 0x10
;;             0098  psrld xmm15, 0x10
;;             009e  movaps xmm14, xmm0
;;             00a2  psubd xmm14, xmm15
;;             00a7  psrld xmm14, 1
;;             00ad  cvtdq2ps xmm14, xmm14
;;             00b1  addps xmm14, xmm14
;;             00b5  cvtdq2ps xmm15, xmm15
;;             00b9  addps xmm14, xmm15
;;             00bd  movaps xmm0, xmm14
;;   0x29    end                           (returned)
;;             00c1  mov rsp, rbp
;;             00c4  pop rbp
;;             00c5  ret
;;           out-of-line stubs
;;             00c6  ud2  ; trap: call stack exhausted
;;
;; func 1 $f64x2_i32x4 (param v128) (result v128): 193 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xbf
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    i32x4.trunc_sat_f64x2_s_zero  [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  mov rax, 0x41dfffffffc00000
;;             002a  movq xmm14, rax
;;             002f  punpcklqdq xmm14, xmm14
;;             0034  movaps xmm15, xmm0
;;             0038  cmpeqpd xmm15, xmm15
;;             003e  andpd xmm15, xmm14
;;             0043  minpd xmm0, xmm15
;;             0048  cvttpd2dq xmm0, xmm0
;;   0x31    f64x2.convert_low_i32x4_s     [v128:xmm0]
;;             004d  cvtdq2pd xmm0, xmm0
;;   0x34    i32x4.trunc_sat_f64x2_u_zero  [v128:xmm0]
;;             0052  xorpd xmm15, xmm15
;;             0057  maxpd xmm0, xmm15
;;             005c  mov rax, 0x41efffffffe00000
;;             0066  movq xmm14, rax
;;             006b  punpcklqdq xmm14, xmm14
;;             0070  minpd xmm0, xmm14
;;             0075  roundpd xmm0, xmm0, 3
;;             007c  mov rax, 0x4330000000000000
;;             0086  movq xmm14, rax
;;             008b  punpcklqdq xmm14, xmm14
;;             0090  addpd xmm0, xmm14
;;             0095  shufps xmm0, xmm15, 0x88
;;   0x37    f64x2.convert_low_i32x4_u     [v128:xmm0]
;;             009a  mov eax, 0x43300000
;;             009f  movd xmm14, eax
;;             00a4  pshufd xmm14, xmm14, 0
;;             00aa  vunpcklps xmm15, xmm0, xmm14
;;             00af  psllq xmm14, 0x20
;;             00b5  vsubpd xmm0, xmm15, xmm14
;;   0x3a    end                           (returned)
;;             00ba  mov rsp, rbp
;;             00bd  pop rbp
;;             00be  ret
;;           out-of-line stubs
;;             00bf  ud2  ; trap: call stack exhausted
;;
;; func 2 $demote_promote (param v128) (result v128): 48 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2e
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    f32x4.demote_f64x2_zero       [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  cvtpd2ps xmm0, xmm0
;;   0x41    f64x2.promote_low_f32x4       [v128:xmm0]
;;             0025  cvtps2pd xmm0, xmm0
;;   0x43    end                           (returned)
;;             0029  mov rsp, rbp
;;             002c  pop rbp
;;             002d  ret
;;           out-of-line stubs
;;             002e  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $f32x4_i32x4 (param v128) (result v128): 200 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xc6
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    i32x4.trunc_sat_f32x4_s       [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  movaps xmm15, xmm0
;;             0024  cmpeqps xmm15, xmm15
;;             0029  andps xmm0, xmm15
;;             002d  pxor xmm15, xmm0
;;             0032  cvttps2dq xmm0, xmm0
;;             0037  pand xmm15, xmm0
;;             003c  psrad xmm15, 0x1f
;;             0042  pxor xmm0, xmm15
;;   0x20    f32x4.convert_i32x4_s         [v128:xmm0]
;;             0047  cvtdq2ps xmm0, xmm0
;;   0x23    i32x4.trunc_sat_f32x4_u       [v128:xmm0]
;;             004b  xorps xmm15, xmm15
;;             004f  maxps xmm0, xmm15
;;             0053  pcmpeqd xmm15, xmm15
;;             0058  psrld xmm15, 1
;;             005e  cvtdq2ps xmm15, xmm15
;;             0062  movaps xmm14, xmm0
;;             0066  subps xmm14, xmm15
;;             006a  cmpleps xmm15, xmm14
;;             006f  cvttps2dq xmm14, xmm14
;;             0074  pxor xmm14, xmm15
;;             0079  pxor xmm15, xmm15
;;             007e  pmaxsd xmm14, xmm15
;;             0084  cvttps2dq xmm0, xmm0
;;             0089  paddd xmm0, xmm14
;;   0x26    f32x4.convert_i32x4_u         [v128:xmm0]
;;             008e  movaps xmm15, xmm0
;;             0092  pslld xmm15, 0x10
;;             0098  psrld xmm15, 0x10
;;             009e  movaps xmm14, xmm0
;;             00a2  psubd xmm14, xmm15
;;             00a7  psrld xmm14, 1
;;             00ad  cvtdq2ps xmm14, xmm14
;;             00b1  addps xmm14, xmm14
;;             00b5  cvtdq2ps xmm15, xmm15
;;             00b9  addps xmm14, xmm15
;;             00bd  movaps xmm0, xmm14
;;   0x29    end                           (returned)
;;             00c1  mov rsp, rbp
;;             00c4  pop rbp
;;             00c5  ret
;;           out-of-line stubs
;;             00c6  ud2  ; trap: call stack exhausted
;;
;; func 1 $f64x2_i32x4 (param v128) (result v128): 200 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xc6
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    i32x4.trunc_sat_f64x2_s_zero  [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  mov rax, 0x41dfffffffc00000
;;             002a  movq xmm14, rax
;;             002f  punpcklqdq xmm14, xmm14
;;             0034  movaps xmm15, xmm0
;;             0038  cmpeqpd xmm15, xmm15
;;             003e  andpd xmm15, xmm14
;;             0043  minpd xmm0, xmm15
;;             0048  cvttpd2dq xmm0, xmm0
;;   0x31    f64x2.convert_low_i32x4_s     [v128:xmm0]
;;             004d  cvtdq2pd xmm0, xmm0
;;   0x34    i32x4.trunc_sat_f64x2_u_zero  [v128:xmm0]
;;             0052  xorpd xmm15, xmm15
;;             0057  maxpd xmm0, xmm15
;;             005c  mov rax, 0x41efffffffe00000
;;             0066  movq xmm14, rax
;;             006b  punpcklqdq xmm14, xmm14
;;             0070  minpd xmm0, xmm14
;;             0075  roundpd xmm0, xmm0, 3
;;             007c  mov rax, 0x4330000000000000
;;             0086  movq xmm14, rax
;;             008b  punpcklqdq xmm14, xmm14
;;             0090  addpd xmm0, xmm14
;;             0095  shufps xmm0, xmm15, 0x88
;;   0x37    f64x2.convert_low_i32x4_u     [v128:xmm0]
;;             009a  mov eax, 0x43300000
;;             009f  movd xmm14, eax
;;             00a4  pshufd xmm14, xmm14, 0
;;             00aa  movaps xmm15, xmm0
;;             00ae  unpcklps xmm15, xmm14
;;             00b2  psllq xmm14, 0x20
;;             00b8  subpd xmm15, xmm14
;;             00bd  movaps xmm0, xmm15
;;   0x3a    end                           (returned)
;;             00c1  mov rsp, rbp
;;             00c4  pop rbp
;;             00c5  ret
;;           out-of-line stubs
;;             00c6  ud2  ; trap: call stack exhausted
;;
;; func 2 $demote_promote (param v128) (result v128): 48 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2e
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    f32x4.demote_f64x2_zero       [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  cvtpd2ps xmm0, xmm0
;;   0x41    f64x2.promote_low_f32x4       [v128:xmm0]
;;             0025  cvtps2pd xmm0, xmm0
;;   0x43    end                           (returned)
;;             0029  mov rsp, rbp
;;             002c  pop rbp
;;             002d  ret
;;           out-of-line stubs
;;             002e  ud2  ; trap: call stack exhausted

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
