;; targets: x86_64 x86_64:min aarch64
;;
;; Float lane arithmetic for f32x4 and f64x2: add, sub, mul, div; wasm's
;; NaN- and zero-sign-aware min and max; the pseudo-min/max pmin and pmax
;; (a plain `b < a ? b : a`); abs and neg (sign-bit masks on x86-64);
;; sqrt and the four roundings (ceil, floor, trunc, nearest).

(module
  (func $f32x4 (param v128 v128) (result v128)
    (f32x4.add (local.get 0) (local.get 1))
    (f32x4.sub (local.get 1))
    (f32x4.mul (local.get 1))
    (f32x4.div (local.get 1))
    (f32x4.abs)
    (f32x4.neg)
    (f32x4.sqrt))
  (func $f32x4_min_max (param v128 v128) (result v128)
    (f32x4.min (local.get 0) (local.get 1))
    (f32x4.max (local.get 1))
    (f32x4.pmin (local.get 1))
    (f32x4.pmax (local.get 1)))
  (func $f32x4_round (param v128) (result v128)
    (f32x4.ceil (local.get 0))
    (f32x4.floor)
    (f32x4.trunc)
    (f32x4.nearest))
  (func $f64x2 (param v128 v128) (result v128)
    (f64x2.add (local.get 0) (local.get 1))
    (f64x2.sub (local.get 1))
    (f64x2.mul (local.get 1))
    (f64x2.div (local.get 1))
    (f64x2.abs)
    (f64x2.neg)
    (f64x2.sqrt))
  (func $f64x2_min_max (param v128 v128) (result v128)
    (f64x2.min (local.get 0) (local.get 1))
    (f64x2.max (local.get 1))
    (f64x2.pmin (local.get 1))
    (f64x2.pmax (local.get 1)))
  (func $f64x2_round (param v128) (result v128)
    (f64x2.ceil (local.get 0))
    (f64x2.floor)
    (f64x2.trunc)
    (f64x2.nearest)))

;; ==== expected x86_64 ====
;; func 0 $f32x4 (param v128 v128) (result v128): 119 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x75
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vaddps xmm1, xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vsubps xmm1, xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vmulps xmm1, xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    f32x4.div                     [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vdivps xmm1, xmm1, xmm0
;;   0x3b    f32x4.abs                     [v128:xmm1]
;;             0048  pcmpeqd xmm15, xmm15
;;             004d  psrld xmm15, 1
;;             0053  vandps xmm1, xmm1, xmm15
;;   0x3e    f32x4.neg                     [v128:xmm1]
;;             0058  pcmpeqd xmm15, xmm15
;;             005d  pslld xmm15, 0x1f
;;             0063  vxorps xmm1, xmm1, xmm15
;;   0x41    f32x4.sqrt                    [v128:xmm1]
;;             0068  sqrtps xmm1, xmm1
;;   0x44    end                           (returned)
;;             006c  movaps xmm0, xmm1
;;             0070  mov rsp, rbp
;;             0073  pop rbp
;;             0074  ret
;;           out-of-line stubs
;;             0075  ud2  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 152 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x96
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vminps xmm15, xmm0, xmm1
;;             002a  vminps xmm14, xmm1, xmm0
;;             002f  vorps xmm14, xmm14, xmm15
;;             0034  vcmpunordps xmm15, xmm15, xmm14
;;             003a  vorps xmm14, xmm14, xmm15
;;             003f  vpsrld xmm15, xmm15, 0xa
;;             0045  vandnps xmm1, xmm15, xmm14
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f32x4.max                     [v128:xmm1]
;;             004a  movdqu xmm0, [rbp+0x20]
;;             004f  vmaxps xmm15, xmm0, xmm1
;;             0054  vmaxps xmm14, xmm1, xmm0
;;             0059  vxorps xmm15, xmm15, xmm14
;;             005e  vorps xmm14, xmm14, xmm15
;;             0063  vsubps xmm14, xmm14, xmm15
;;             0068  vcmpunordps xmm15, xmm14, xmm14
;;             006e  vpsrld xmm15, xmm15, 0xa
;;             0074  vandnps xmm1, xmm15, xmm14
;;   0x53    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:xmm1]
;;             0079  movdqu xmm0, [rbp+0x20]
;;             007e  vminps xmm1, xmm0, xmm1
;;   0x58    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:xmm1]
;;             0083  movdqu xmm0, [rbp+0x20]
;;             0088  vmaxps xmm1, xmm0, xmm1
;;   0x5d    end                           (returned)
;;             008d  movaps xmm0, xmm1
;;             0091  mov rsp, rbp
;;             0094  pop rbp
;;             0095  ret
;;           out-of-line stubs
;;             0096  ud2  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 67 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x41
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  roundps xmm0, xmm0, 2
;;   0x64    f32x4.floor                   [v128:xmm0]
;;             0027  roundps xmm0, xmm0, 1
;;   0x66    f32x4.trunc                   [v128:xmm0]
;;             002e  roundps xmm0, xmm0, 3
;;   0x68    f32x4.nearest                 [v128:xmm0]
;;             0035  roundps xmm0, xmm0, 0
;;   0x6a    end                           (returned)
;;             003c  mov rsp, rbp
;;             003f  pop rbp
;;             0040  ret
;;           out-of-line stubs
;;             0041  ud2  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 120 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x76
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vaddpd xmm1, xmm1, xmm0
;;   0x74    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vsubpd xmm1, xmm1, xmm0
;;   0x79    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vmulpd xmm1, xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    f64x2.div                     [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vdivpd xmm1, xmm1, xmm0
;;   0x83    f64x2.abs                     [v128:xmm1]
;;             0048  pcmpeqd xmm15, xmm15
;;             004d  psrlq xmm15, 1
;;             0053  vandpd xmm1, xmm1, xmm15
;;   0x86    f64x2.neg                     [v128:xmm1]
;;             0058  pcmpeqd xmm15, xmm15
;;             005d  psllq xmm15, 0x3f
;;             0063  vxorpd xmm1, xmm1, xmm15
;;   0x89    f64x2.sqrt                    [v128:xmm1]
;;             0068  sqrtpd xmm1, xmm1
;;   0x8c    end                           (returned)
;;             006d  movaps xmm0, xmm1
;;             0071  mov rsp, rbp
;;             0074  pop rbp
;;             0075  ret
;;           out-of-line stubs
;;             0076  ud2  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 152 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x96
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vminpd xmm15, xmm0, xmm1
;;             002a  vminpd xmm14, xmm1, xmm0
;;             002f  vorpd xmm14, xmm14, xmm15
;;             0034  vcmpunordpd xmm15, xmm15, xmm14
;;             003a  vorpd xmm14, xmm14, xmm15
;;             003f  vpsrlq xmm15, xmm15, 0xd
;;             0045  vandnpd xmm1, xmm15, xmm14
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    f64x2.max                     [v128:xmm1]
;;             004a  movdqu xmm0, [rbp+0x20]
;;             004f  vmaxpd xmm15, xmm0, xmm1
;;             0054  vmaxpd xmm14, xmm1, xmm0
;;             0059  vxorpd xmm15, xmm15, xmm14
;;             005e  vorpd xmm14, xmm14, xmm15
;;             0063  vsubpd xmm14, xmm14, xmm15
;;             0068  vcmpunordpd xmm15, xmm14, xmm14
;;             006e  vpsrlq xmm15, xmm15, 0xd
;;             0074  vandnpd xmm1, xmm15, xmm14
;;   0x9b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:xmm1]
;;             0079  movdqu xmm0, [rbp+0x20]
;;             007e  vminpd xmm1, xmm0, xmm1
;;   0xa0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:xmm1]
;;             0083  movdqu xmm0, [rbp+0x20]
;;             0088  vmaxpd xmm1, xmm0, xmm1
;;   0xa5    end                           (returned)
;;             008d  movaps xmm0, xmm1
;;             0091  mov rsp, rbp
;;             0094  pop rbp
;;             0095  ret
;;           out-of-line stubs
;;             0096  ud2  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 67 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x41
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  roundpd xmm0, xmm0, 2
;;   0xac    f64x2.floor                   [v128:xmm0]
;;             0027  roundpd xmm0, xmm0, 1
;;   0xae    f64x2.trunc                   [v128:xmm0]
;;             002e  roundpd xmm0, xmm0, 3
;;   0xb0    f64x2.nearest                 [v128:xmm0]
;;             0035  roundpd xmm0, xmm0, 0
;;   0xb3    end                           (returned)
;;             003c  mov rsp, rbp
;;             003f  pop rbp
;;             0040  ret
;;           out-of-line stubs
;;             0041  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $f32x4 (param v128 v128) (result v128): 113 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6f
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  addps xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:xmm1]
;;             0029  movdqu xmm0, [rbp+0x20]
;;             002e  subps xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:xmm1]
;;             0032  movdqu xmm0, [rbp+0x20]
;;             0037  mulps xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    f32x4.div                     [v128:xmm1]
;;             003b  movdqu xmm0, [rbp+0x20]
;;             0040  divps xmm1, xmm0
;;   0x3b    f32x4.abs                     [v128:xmm1]
;;             0044  pcmpeqd xmm15, xmm15
;;             0049  psrld xmm15, 1
;;             004f  andps xmm1, xmm15
;;   0x3e    f32x4.neg                     [v128:xmm1]
;;             0053  pcmpeqd xmm15, xmm15
;;             0058  pslld xmm15, 0x1f
;;             005e  xorps xmm1, xmm15
;;   0x41    f32x4.sqrt                    [v128:xmm1]
;;             0062  sqrtps xmm1, xmm1
;;   0x44    end                           (returned)
;;             0066  movaps xmm0, xmm1
;;             006a  mov rsp, rbp
;;             006d  pop rbp
;;             006e  ret
;;           out-of-line stubs
;;             006f  ud2  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 165 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xa3
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  movaps xmm15, xmm0
;;             0029  minps xmm15, xmm1
;;             002d  minps xmm1, xmm0
;;             0031  orps xmm15, xmm1
;;             0035  cmpunordps xmm1, xmm15
;;             003a  orps xmm15, xmm1
;;             003e  psrld xmm1, 0xa
;;             0044  andnps xmm1, xmm15
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f32x4.max                     [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  movaps xmm15, xmm0
;;             0051  maxps xmm15, xmm1
;;             0055  maxps xmm1, xmm0
;;             0059  xorps xmm15, xmm1
;;             005d  orps xmm1, xmm15
;;             0061  subps xmm1, xmm15
;;             0065  cmpunordps xmm15, xmm1
;;             006a  psrld xmm15, 0xa
;;             0070  andnps xmm15, xmm1
;;             0074  movaps xmm1, xmm15
;;   0x53    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:xmm1]
;;             0078  movdqu xmm0, [rbp+0x20]
;;             007d  movaps xmm15, xmm0
;;             0081  minps xmm15, xmm1
;;             0085  movaps xmm1, xmm15
;;   0x58    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:xmm1]
;;             0089  movdqu xmm0, [rbp+0x20]
;;             008e  movaps xmm15, xmm0
;;             0092  maxps xmm15, xmm1
;;             0096  movaps xmm1, xmm15
;;   0x5d    end                           (returned)
;;             009a  movaps xmm0, xmm1
;;             009e  mov rsp, rbp
;;             00a1  pop rbp
;;             00a2  ret
;;           out-of-line stubs
;;             00a3  ud2  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 67 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x41
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  roundps xmm0, xmm0, 2
;;   0x64    f32x4.floor                   [v128:xmm0]
;;             0027  roundps xmm0, xmm0, 1
;;   0x66    f32x4.trunc                   [v128:xmm0]
;;             002e  roundps xmm0, xmm0, 3
;;   0x68    f32x4.nearest                 [v128:xmm0]
;;             0035  roundps xmm0, xmm0, 0
;;   0x6a    end                           (returned)
;;             003c  mov rsp, rbp
;;             003f  pop rbp
;;             0040  ret
;;           out-of-line stubs
;;             0041  ud2  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 120 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x76
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  addpd xmm1, xmm0
;;   0x74    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  subpd xmm1, xmm0
;;   0x79    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  mulpd xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    f64x2.div                     [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  divpd xmm1, xmm0
;;   0x83    f64x2.abs                     [v128:xmm1]
;;             0048  pcmpeqd xmm15, xmm15
;;             004d  psrlq xmm15, 1
;;             0053  andpd xmm1, xmm15
;;   0x86    f64x2.neg                     [v128:xmm1]
;;             0058  pcmpeqd xmm15, xmm15
;;             005d  psllq xmm15, 0x3f
;;             0063  xorpd xmm1, xmm15
;;   0x89    f64x2.sqrt                    [v128:xmm1]
;;             0068  sqrtpd xmm1, xmm1
;;   0x8c    end                           (returned)
;;             006d  movaps xmm0, xmm1
;;             0071  mov rsp, rbp
;;             0074  pop rbp
;;             0075  ret
;;           out-of-line stubs
;;             0076  ud2  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 180 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb2
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  movaps xmm15, xmm0
;;             0029  minpd xmm15, xmm1
;;             002e  minpd xmm1, xmm0
;;             0033  orpd xmm15, xmm1
;;             0038  cmpunordpd xmm1, xmm15
;;             003e  orpd xmm15, xmm1
;;             0043  psrlq xmm1, 0xd
;;             0049  andnpd xmm1, xmm15
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    f64x2.max                     [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0053  movaps xmm15, xmm0
;;             0057  maxpd xmm15, xmm1
;;             005c  maxpd xmm1, xmm0
;;             0061  xorpd xmm15, xmm1
;;             0066  orpd xmm1, xmm15
;;             006b  subpd xmm1, xmm15
;;             0070  cmpunordpd xmm15, xmm1
;;             0076  psrlq xmm15, 0xd
;;             007c  andnpd xmm15, xmm1
;;             0081  movaps xmm1, xmm15
;;   0x9b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:xmm1]
;;             0085  movdqu xmm0, [rbp+0x20]
;;             008a  movaps xmm15, xmm0
;;             008e  minpd xmm15, xmm1
;;             0093  movaps xmm1, xmm15
;;   0xa0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:xmm1]
;;             0097  movdqu xmm0, [rbp+0x20]
;;             009c  movaps xmm15, xmm0
;;             00a0  maxpd xmm15, xmm1
;;             00a5  movaps xmm1, xmm15
;;   0xa5    end                           (returned)
;;             00a9  movaps xmm0, xmm1
;;             00ad  mov rsp, rbp
;;             00b0  pop rbp
;;             00b1  ret
;;           out-of-line stubs
;;             00b2  ud2  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 67 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x41
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  roundpd xmm0, xmm0, 2
;;   0xac    f64x2.floor                   [v128:xmm0]
;;             0027  roundpd xmm0, xmm0, 1
;;   0xae    f64x2.trunc                   [v128:xmm0]
;;             002e  roundpd xmm0, xmm0, 3
;;   0xb0    f64x2.nearest                 [v128:xmm0]
;;             0035  roundpd xmm0, xmm0, 0
;;   0xb3    end                           (returned)
;;             003c  mov rsp, rbp
;;             003f  pop rbp
;;             0040  ret
;;           out-of-line stubs
;;             0041  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $f32x4 (param v128 v128) (result v128): 108 bytes of aarch64
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
;;             0024  b.lo 0x68
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fadd v1.4s, v1.4s, v0.4s
;;   0x2c    local.get 1                   [v128:q1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fsub v1.4s, v1.4s, v0.4s
;;   0x31    local.get 1                   [v128:q1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fmul v1.4s, v1.4s, v0.4s
;;   0x36    local.get 1                   [v128:q1, v128:local 1]
;;   0x38    f32x4.div                     [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  fdiv v1.4s, v1.4s, v0.4s
;;   0x3b    f32x4.abs                     [v128:q1]
;;             004c  fabs v1.4s, v1.4s
;;   0x3e    f32x4.neg                     [v128:q1]
;;             0050  fneg v1.4s, v1.4s
;;   0x41    f32x4.sqrt                    [v128:q1]
;;             0054  fsqrt v1.4s, v1.4s
;;   0x44    end                           (returned)
;;             0058  mov v0.16b, v1.16b
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 104 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fmin v1.4s, v1.4s, v0.4s
;;   0x4e    local.get 1                   [v128:q1, v128:local 1]
;;   0x50    f32x4.max                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fmax v1.4s, v1.4s, v0.4s
;;   0x53    local.get 1                   [v128:q1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fcmgt v31.4s, v1.4s, v0.4s
;;             0044  bit v1.16b, v0.16b, v31.16b
;;   0x58    local.get 1                   [v128:q1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  fcmgt v31.4s, v0.4s, v1.4s
;;             0050  bit v1.16b, v0.16b, v31.16b
;;   0x5d    end                           (returned)
;;             0054  mov v0.16b, v1.16b
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 76 bytes of aarch64
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
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  frintp v0.4s, v0.4s
;;   0x64    f32x4.floor                   [v128:q0]
;;             0030  frintm v0.4s, v0.4s
;;   0x66    f32x4.trunc                   [v128:q0]
;;             0034  frintz v0.4s, v0.4s
;;   0x68    f32x4.nearest                 [v128:q0]
;;             0038  frintn v0.4s, v0.4s
;;   0x6a    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 108 bytes of aarch64
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
;;             0024  b.lo 0x68
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fadd v1.2d, v1.2d, v0.2d
;;   0x74    local.get 1                   [v128:q1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fsub v1.2d, v1.2d, v0.2d
;;   0x79    local.get 1                   [v128:q1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fmul v1.2d, v1.2d, v0.2d
;;   0x7e    local.get 1                   [v128:q1, v128:local 1]
;;   0x80    f64x2.div                     [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  fdiv v1.2d, v1.2d, v0.2d
;;   0x83    f64x2.abs                     [v128:q1]
;;             004c  fabs v1.2d, v1.2d
;;   0x86    f64x2.neg                     [v128:q1]
;;             0050  fneg v1.2d, v1.2d
;;   0x89    f64x2.sqrt                    [v128:q1]
;;             0054  fsqrt v1.2d, v1.2d
;;   0x8c    end                           (returned)
;;             0058  mov v0.16b, v1.16b
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 104 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fmin v1.2d, v1.2d, v0.2d
;;   0x96    local.get 1                   [v128:q1, v128:local 1]
;;   0x98    f64x2.max                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fmax v1.2d, v1.2d, v0.2d
;;   0x9b    local.get 1                   [v128:q1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fcmgt v31.2d, v1.2d, v0.2d
;;             0044  bit v1.16b, v0.16b, v31.16b
;;   0xa0    local.get 1                   [v128:q1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  fcmgt v31.2d, v0.2d, v1.2d
;;             0050  bit v1.16b, v0.16b, v31.16b
;;   0xa5    end                           (returned)
;;             0054  mov v0.16b, v1.16b
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 76 bytes of aarch64
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
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  frintp v0.2d, v0.2d
;;   0xac    f64x2.floor                   [v128:q0]
;;             0030  frintm v0.2d, v0.2d
;;   0xae    f64x2.trunc                   [v128:q0]
;;             0034  frintz v0.2d, v0.2d
;;   0xb0    f64x2.nearest                 [v128:q0]
;;             0038  frintn v0.2d, v0.2d
;;   0xb3    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
