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
;; func 0 $f32x4 (param v128 v128) (result v128): 143 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x8d
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vaddps xmm1, xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vsubps xmm1, xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:xmm1]
;;             0044  movdqu xmm0, [rbp+0x20]
;;             004d  vmulps xmm1, xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    f32x4.div                     [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             005b  vdivps xmm1, xmm1, xmm0
;;   0x3b    f32x4.abs                     [v128:xmm1]
;;             0060  pcmpeqd xmm15, xmm15
;;             0065  psrld xmm15, 1
;;             006b  vandps xmm1, xmm1, xmm15
;;   0x3e    f32x4.neg                     [v128:xmm1]
;;             0070  pcmpeqd xmm15, xmm15
;;             0075  pslld xmm15, 0x1f
;;             007b  vxorps xmm1, xmm1, xmm15
;;   0x41    f32x4.sqrt                    [v128:xmm1]
;;             0080  sqrtps xmm1, xmm1
;;   0x44    end                           (returned)
;;             0084  movaps xmm0, xmm1
;;             0088  mov rsp, rbp
;;             008b  pop rbp
;;             008c  ret
;;           out-of-line stubs
;;             008d  ud2  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 176 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xae
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vminps xmm15, xmm0, xmm1
;;             0036  vminps xmm14, xmm1, xmm0
;;             003b  vorps xmm14, xmm14, xmm15
;;             0040  vcmpunordps xmm15, xmm15, xmm14
;;             0046  vorps xmm14, xmm14, xmm15
;;             004b  vpsrld xmm15, xmm15, 0xa
;;             0051  vandnps xmm1, xmm15, xmm14
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f32x4.max                     [v128:xmm1]
;;             0056  movdqu xmm0, [rbp+0x20]
;;             005f  vmaxps xmm15, xmm0, xmm1
;;             0064  vmaxps xmm14, xmm1, xmm0
;;             0069  vxorps xmm15, xmm15, xmm14
;;             006e  vorps xmm14, xmm14, xmm15
;;             0073  vsubps xmm14, xmm14, xmm15
;;             0078  vcmpunordps xmm15, xmm14, xmm14
;;             007e  vpsrld xmm15, xmm15, 0xa
;;             0084  vandnps xmm1, xmm15, xmm14
;;   0x53    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:xmm1]
;;             0089  movdqu xmm0, [rbp+0x20]
;;             0092  vminps xmm1, xmm0, xmm1
;;   0x58    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:xmm1]
;;             0097  movdqu xmm0, [rbp+0x20]
;;             00a0  vmaxps xmm1, xmm0, xmm1
;;   0x5d    end                           (returned)
;;             00a5  movaps xmm0, xmm1
;;             00a9  mov rsp, rbp
;;             00ac  pop rbp
;;             00ad  ret
;;           out-of-line stubs
;;             00ae  ud2  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x49
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  roundps xmm0, xmm0, 2
;;   0x64    f32x4.floor                   [v128:xmm0]
;;             002f  roundps xmm0, xmm0, 1
;;   0x66    f32x4.trunc                   [v128:xmm0]
;;             0036  roundps xmm0, xmm0, 3
;;   0x68    f32x4.nearest                 [v128:xmm0]
;;             003d  roundps xmm0, xmm0, 0
;;   0x6a    end                           (returned)
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 144 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x8e
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vaddpd xmm1, xmm1, xmm0
;;   0x74    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vsubpd xmm1, xmm1, xmm0
;;   0x79    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:xmm1]
;;             0044  movdqu xmm0, [rbp+0x20]
;;             004d  vmulpd xmm1, xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    f64x2.div                     [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             005b  vdivpd xmm1, xmm1, xmm0
;;   0x83    f64x2.abs                     [v128:xmm1]
;;             0060  pcmpeqd xmm15, xmm15
;;             0065  psrlq xmm15, 1
;;             006b  vandpd xmm1, xmm1, xmm15
;;   0x86    f64x2.neg                     [v128:xmm1]
;;             0070  pcmpeqd xmm15, xmm15
;;             0075  psllq xmm15, 0x3f
;;             007b  vxorpd xmm1, xmm1, xmm15
;;   0x89    f64x2.sqrt                    [v128:xmm1]
;;             0080  sqrtpd xmm1, xmm1
;;   0x8c    end                           (returned)
;;             0085  movaps xmm0, xmm1
;;             0089  mov rsp, rbp
;;             008c  pop rbp
;;             008d  ret
;;           out-of-line stubs
;;             008e  ud2  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 176 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xae
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vminpd xmm15, xmm0, xmm1
;;             0036  vminpd xmm14, xmm1, xmm0
;;             003b  vorpd xmm14, xmm14, xmm15
;;             0040  vcmpunordpd xmm15, xmm15, xmm14
;;             0046  vorpd xmm14, xmm14, xmm15
;;             004b  vpsrlq xmm15, xmm15, 0xd
;;             0051  vandnpd xmm1, xmm15, xmm14
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    f64x2.max                     [v128:xmm1]
;;             0056  movdqu xmm0, [rbp+0x20]
;;             005f  vmaxpd xmm15, xmm0, xmm1
;;             0064  vmaxpd xmm14, xmm1, xmm0
;;             0069  vxorpd xmm15, xmm15, xmm14
;;             006e  vorpd xmm14, xmm14, xmm15
;;             0073  vsubpd xmm14, xmm14, xmm15
;;             0078  vcmpunordpd xmm15, xmm14, xmm14
;;             007e  vpsrlq xmm15, xmm15, 0xd
;;             0084  vandnpd xmm1, xmm15, xmm14
;;   0x9b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:xmm1]
;;             0089  movdqu xmm0, [rbp+0x20]
;;             0092  vminpd xmm1, xmm0, xmm1
;;   0xa0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:xmm1]
;;             0097  movdqu xmm0, [rbp+0x20]
;;             00a0  vmaxpd xmm1, xmm0, xmm1
;;   0xa5    end                           (returned)
;;             00a5  movaps xmm0, xmm1
;;             00a9  mov rsp, rbp
;;             00ac  pop rbp
;;             00ad  ret
;;           out-of-line stubs
;;             00ae  ud2  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x49
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  roundpd xmm0, xmm0, 2
;;   0xac    f64x2.floor                   [v128:xmm0]
;;             002f  roundpd xmm0, xmm0, 1
;;   0xae    f64x2.trunc                   [v128:xmm0]
;;             0036  roundpd xmm0, xmm0, 3
;;   0xb0    f64x2.nearest                 [v128:xmm0]
;;             003d  roundpd xmm0, xmm0, 0
;;   0xb3    end                           (returned)
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $f32x4 (param v128 v128) (result v128): 137 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x87
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  addps xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:xmm1]
;;             0035  movdqu xmm0, [rbp+0x20]
;;             003e  subps xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             004b  mulps xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    f32x4.div                     [v128:xmm1]
;;             004f  movdqu xmm0, [rbp+0x20]
;;             0058  divps xmm1, xmm0
;;   0x3b    f32x4.abs                     [v128:xmm1]
;;             005c  pcmpeqd xmm15, xmm15
;;             0061  psrld xmm15, 1
;;             0067  andps xmm1, xmm15
;;   0x3e    f32x4.neg                     [v128:xmm1]
;;             006b  pcmpeqd xmm15, xmm15
;;             0070  pslld xmm15, 0x1f
;;             0076  xorps xmm1, xmm15
;;   0x41    f32x4.sqrt                    [v128:xmm1]
;;             007a  sqrtps xmm1, xmm1
;;   0x44    end                           (returned)
;;             007e  movaps xmm0, xmm1
;;             0082  mov rsp, rbp
;;             0085  pop rbp
;;             0086  ret
;;           out-of-line stubs
;;             0087  ud2  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 189 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xbb
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  movaps xmm15, xmm0
;;             0035  minps xmm15, xmm1
;;             0039  minps xmm1, xmm0
;;             003d  orps xmm15, xmm1
;;             0041  cmpunordps xmm1, xmm15
;;             0046  orps xmm15, xmm1
;;             004a  psrld xmm1, 0xa
;;             0050  andnps xmm1, xmm15
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f32x4.max                     [v128:xmm1]
;;             0054  movdqu xmm0, [rbp+0x20]
;;             005d  movaps xmm15, xmm0
;;             0061  maxps xmm15, xmm1
;;             0065  maxps xmm1, xmm0
;;             0069  xorps xmm15, xmm1
;;             006d  orps xmm1, xmm15
;;             0071  subps xmm1, xmm15
;;             0075  cmpunordps xmm15, xmm1
;;             007a  psrld xmm15, 0xa
;;             0080  andnps xmm15, xmm1
;;             0084  movaps xmm1, xmm15
;;   0x53    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:xmm1]
;;             0088  movdqu xmm0, [rbp+0x20]
;;             0091  movaps xmm15, xmm0
;;             0095  minps xmm15, xmm1
;;             0099  movaps xmm1, xmm15
;;   0x58    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:xmm1]
;;             009d  movdqu xmm0, [rbp+0x20]
;;             00a6  movaps xmm15, xmm0
;;             00aa  maxps xmm15, xmm1
;;             00ae  movaps xmm1, xmm15
;;   0x5d    end                           (returned)
;;             00b2  movaps xmm0, xmm1
;;             00b6  mov rsp, rbp
;;             00b9  pop rbp
;;             00ba  ret
;;           out-of-line stubs
;;             00bb  ud2  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x49
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  roundps xmm0, xmm0, 2
;;   0x64    f32x4.floor                   [v128:xmm0]
;;             002f  roundps xmm0, xmm0, 1
;;   0x66    f32x4.trunc                   [v128:xmm0]
;;             0036  roundps xmm0, xmm0, 3
;;   0x68    f32x4.nearest                 [v128:xmm0]
;;             003d  roundps xmm0, xmm0, 0
;;   0x6a    end                           (returned)
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 144 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x8e
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  addpd xmm1, xmm0
;;   0x74    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  subpd xmm1, xmm0
;;   0x79    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:xmm1]
;;             0044  movdqu xmm0, [rbp+0x20]
;;             004d  mulpd xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    f64x2.div                     [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             005b  divpd xmm1, xmm0
;;   0x83    f64x2.abs                     [v128:xmm1]
;;             0060  pcmpeqd xmm15, xmm15
;;             0065  psrlq xmm15, 1
;;             006b  andpd xmm1, xmm15
;;   0x86    f64x2.neg                     [v128:xmm1]
;;             0070  pcmpeqd xmm15, xmm15
;;             0075  psllq xmm15, 0x3f
;;             007b  xorpd xmm1, xmm15
;;   0x89    f64x2.sqrt                    [v128:xmm1]
;;             0080  sqrtpd xmm1, xmm1
;;   0x8c    end                           (returned)
;;             0085  movaps xmm0, xmm1
;;             0089  mov rsp, rbp
;;             008c  pop rbp
;;             008d  ret
;;           out-of-line stubs
;;             008e  ud2  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 204 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xca
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  movaps xmm15, xmm0
;;             0035  minpd xmm15, xmm1
;;             003a  minpd xmm1, xmm0
;;             003f  orpd xmm15, xmm1
;;             0044  cmpunordpd xmm1, xmm15
;;             004a  orpd xmm15, xmm1
;;             004f  psrlq xmm1, 0xd
;;             0055  andnpd xmm1, xmm15
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    f64x2.max                     [v128:xmm1]
;;             005a  movdqu xmm0, [rbp+0x20]
;;             0063  movaps xmm15, xmm0
;;             0067  maxpd xmm15, xmm1
;;             006c  maxpd xmm1, xmm0
;;             0071  xorpd xmm15, xmm1
;;             0076  orpd xmm1, xmm15
;;             007b  subpd xmm1, xmm15
;;             0080  cmpunordpd xmm15, xmm1
;;             0086  psrlq xmm15, 0xd
;;             008c  andnpd xmm15, xmm1
;;             0091  movaps xmm1, xmm15
;;   0x9b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:xmm1]
;;             0095  movdqu xmm0, [rbp+0x20]
;;             009e  movaps xmm15, xmm0
;;             00a2  minpd xmm15, xmm1
;;             00a7  movaps xmm1, xmm15
;;   0xa0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:xmm1]
;;             00ab  movdqu xmm0, [rbp+0x20]
;;             00b4  movaps xmm15, xmm0
;;             00b8  maxpd xmm15, xmm1
;;             00bd  movaps xmm1, xmm15
;;   0xa5    end                           (returned)
;;             00c1  movaps xmm0, xmm1
;;             00c5  mov rsp, rbp
;;             00c8  pop rbp
;;             00c9  ret
;;           out-of-line stubs
;;             00ca  ud2  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x49
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  roundpd xmm0, xmm0, 2
;;   0xac    f64x2.floor                   [v128:xmm0]
;;             002f  roundpd xmm0, xmm0, 1
;;   0xae    f64x2.trunc                   [v128:xmm0]
;;             0036  roundpd xmm0, xmm0, 3
;;   0xb0    f64x2.nearest                 [v128:xmm0]
;;             003d  roundpd xmm0, xmm0, 0
;;   0xb3    end                           (returned)
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted

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
