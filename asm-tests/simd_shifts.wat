;; targets: x86_64 x86_64:min aarch64
;;
;; Lane shifts with a constant count (folded into the instruction, taken
;; modulo the lane width: 9 on an i8 lane shifts by 1) and with a count
;; in a register (masked to the lane width at run time). A constant
;; count that masks to 0 needs no shift. x86-64 has no 8-bit lane shifts
;; and no 64-bit arithmetic right shift, so those are composed; NEON
;; shifts right by a register as a negated left shift.

(module
  (func $constant (param v128) (result v128)
    (i8x16.shl (local.get 0) (i32.const 9))
    (i8x16.shr_s (i32.const 3))
    (i8x16.shr_u (i32.const 7))
    (i16x8.shl (i32.const 1))
    (i16x8.shr_s (i32.const 15))
    (i16x8.shr_u (i32.const 16))
    (i32x4.shl (i32.const 31))
    (i32x4.shr_s (i32.const 5))
    (i32x4.shr_u (i32.const 1))
    (i64x2.shl (i32.const 63))
    (i64x2.shr_s (i32.const 33))
    (i64x2.shr_u (i32.const 7))
    (i64x2.shr_s (i32.const 64)))
  (func $dynamic_i8x16 (param v128 i32) (result v128)
    (i8x16.shl (local.get 0) (local.get 1))
    (i8x16.shr_s (local.get 1))
    (i8x16.shr_u (local.get 1)))
  (func $dynamic_i16x8 (param v128 i32) (result v128)
    (i16x8.shl (local.get 0) (local.get 1))
    (i16x8.shr_s (local.get 1))
    (i16x8.shr_u (local.get 1)))
  (func $dynamic_i32x4 (param v128 i32) (result v128)
    (i32x4.shl (local.get 0) (local.get 1))
    (i32x4.shr_s (local.get 1))
    (i32x4.shr_u (local.get 1)))
  (func $dynamic_i64x2 (param v128 i32) (result v128)
    (i64x2.shl (local.get 0) (local.get 1))
    (i64x2.shr_s (local.get 1))
    (i64x2.shr_u (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $constant (param v128) (result v128): 181 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xb3
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  vpaddb xmm0, xmm0, xmm0
;;   0x2a    i32.const 3                   [v128:xmm0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:xmm0]
;;             002d  vpunpckhbw xmm14, xmm0, xmm0
;;             0032  vpunpcklbw xmm0, xmm0, xmm0
;;             0037  psraw xmm0, 0xb
;;             003d  psraw xmm14, 0xb
;;             0043  packsswb xmm0, xmm14
;;   0x2e    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:xmm0]
;;             0048  mov eax, 0x1010101
;;             004d  movd xmm14, eax
;;             0052  pshufd xmm14, xmm14, 0
;;             0058  vpsrlw xmm0, xmm0, 7
;;             005e  pand xmm0, xmm14
;;   0x32    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:xmm0]
;;             0063  vpsllw xmm0, xmm0, 1
;;   0x37    i32.const 15                  [v128:xmm0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:xmm0]
;;             0069  vpsraw xmm0, xmm0, 0xf
;;   0x3c    i32.const 16                  [v128:xmm0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:xmm0]
;;   0x41    i32.const 31                  [v128:xmm0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:xmm0]
;;             006f  vpslld xmm0, xmm0, 0x1f
;;   0x46    i32.const 5                   [v128:xmm0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:xmm0]
;;             0075  vpsrad xmm0, xmm0, 5
;;   0x4b    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:xmm0]
;;             007b  vpsrld xmm0, xmm0, 1
;;   0x50    i32.const 63                  [v128:xmm0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:xmm0]
;;             0081  vpsllq xmm0, xmm0, 0x3f
;;   0x55    i32.const 33                  [v128:xmm0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:xmm0]
;;             0087  pcmpeqd xmm14, xmm14
;;             008c  psllq xmm14, 0x3f
;;             0092  psrlq xmm14, 0x21
;;             0098  vpsrlq xmm0, xmm0, 0x21
;;             009e  pxor xmm0, xmm14
;;             00a3  psubq xmm0, xmm14
;;   0x5a    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:xmm0]
;;             00a8  vpsrlq xmm0, xmm0, 7
;;   0x5f    i32.const 64                  [v128:xmm0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:xmm0]
;;   0x65    end                           (returned)
;;             00ae  mov rsp, rbp
;;             00b1  pop rbp
;;             00b2  ret
;;           out-of-line stubs
;;             00b3  ud2  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 206 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xcc
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 7
;;             0038  movd xmm15, ecx
;;             003d  mov edx, 0xff
;;             0042  shl edx, cl
;;             0044  movzx edx, dl
;;             0047  imul edx, 0x1010101
;;             004d  movd xmm14, edx
;;             0052  pshufd xmm14, xmm14, 0
;;             0058  vpsllw xmm0, xmm0, xmm15
;;             005d  pand xmm0, xmm14
;;   0x6e    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:xmm0]
;;             0062  mov ebx, [rbp+0x20]
;;             0069  vpunpckhbw xmm14, xmm0, xmm0
;;             006e  vpunpcklbw xmm0, xmm0, xmm0
;;             0073  mov ecx, ebx
;;             0076  and ecx, 7
;;             0079  add ecx, 8
;;             007c  movd xmm15, ecx
;;             0081  psraw xmm0, xmm15
;;             0086  psraw xmm14, xmm15
;;             008b  packsswb xmm0, xmm14
;;   0x72    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:xmm0]
;;             0090  mov ebx, [rbp+0x20]
;;             0097  mov ecx, ebx
;;             009a  and ecx, 7
;;             00a0  movd xmm15, ecx
;;             00a5  mov edx, 0xff
;;             00aa  shr edx, cl
;;             00ac  imul edx, 0x1010101
;;             00b2  movd xmm14, edx
;;             00b7  pshufd xmm14, xmm14, 0
;;             00bd  vpsrlw xmm0, xmm0, xmm15
;;             00c2  pand xmm0, xmm14
;;   0x76    end                           (returned)
;;             00c7  mov rsp, rbp
;;             00ca  pop rbp
;;             00cb  ret
;;           out-of-line stubs
;;             00cc  ud2  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7b
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 0xf
;;             0038  movd xmm15, ecx
;;             003d  vpsllw xmm0, xmm0, xmm15
;;   0x80    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:xmm0]
;;             0042  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0xf
;;             0052  movd xmm15, ecx
;;             0057  vpsraw xmm0, xmm0, xmm15
;;   0x85    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:xmm0]
;;             005c  mov ebx, [rbp+0x20]
;;             0063  mov ecx, ebx
;;             0066  and ecx, 0xf
;;             006c  movd xmm15, ecx
;;             0071  vpsrlw xmm0, xmm0, xmm15
;;   0x8a    end                           (returned)
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7b
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 0x1f
;;             0038  movd xmm15, ecx
;;             003d  vpslld xmm0, xmm0, xmm15
;;   0x94    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:xmm0]
;;             0042  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0x1f
;;             0052  movd xmm15, ecx
;;             0057  vpsrad xmm0, xmm0, xmm15
;;   0x99    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:xmm0]
;;             005c  mov ebx, [rbp+0x20]
;;             0063  mov ecx, ebx
;;             0066  and ecx, 0x1f
;;             006c  movd xmm15, ecx
;;             0071  vpsrld xmm0, xmm0, xmm15
;;   0x9e    end                           (returned)
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 151 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x95
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 0x3f
;;             0038  movd xmm15, ecx
;;             003d  vpsllq xmm0, xmm0, xmm15
;;   0xa8    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:xmm0]
;;             0042  mov ebx, [rbp+0x20]
;;             0049  pcmpeqd xmm14, xmm14
;;             004e  psllq xmm14, 0x3f
;;             0054  mov ecx, ebx
;;             0057  and ecx, 0x3f
;;             005d  movd xmm15, ecx
;;             0062  psrlq xmm14, xmm15
;;             0067  vpsrlq xmm0, xmm0, xmm15
;;             006c  pxor xmm0, xmm14
;;             0071  psubq xmm0, xmm14
;;   0xad    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:xmm0]
;;             0076  mov ebx, [rbp+0x20]
;;             007d  mov ecx, ebx
;;             0080  and ecx, 0x3f
;;             0086  movd xmm15, ecx
;;             008b  vpsrlq xmm0, xmm0, xmm15
;;   0xb2    end                           (returned)
;;             0090  mov rsp, rbp
;;             0093  pop rbp
;;             0094  ret
;;           out-of-line stubs
;;             0095  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $constant (param v128) (result v128): 185 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xb7
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  paddb xmm0, xmm0
;;   0x2a    i32.const 3                   [v128:xmm0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:xmm0]
;;             002d  movaps xmm14, xmm0
;;             0031  punpckhbw xmm14, xmm14
;;             0036  punpcklbw xmm0, xmm0
;;             003b  psraw xmm0, 0xb
;;             0041  psraw xmm14, 0xb
;;             0047  packsswb xmm0, xmm14
;;   0x2e    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:xmm0]
;;             004c  mov eax, 0x1010101
;;             0051  movd xmm14, eax
;;             0056  pshufd xmm14, xmm14, 0
;;             005c  psrlw xmm0, 7
;;             0062  pand xmm0, xmm14
;;   0x32    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:xmm0]
;;             0067  psllw xmm0, 1
;;   0x37    i32.const 15                  [v128:xmm0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:xmm0]
;;             006d  psraw xmm0, 0xf
;;   0x3c    i32.const 16                  [v128:xmm0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:xmm0]
;;   0x41    i32.const 31                  [v128:xmm0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:xmm0]
;;             0073  pslld xmm0, 0x1f
;;   0x46    i32.const 5                   [v128:xmm0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:xmm0]
;;             0079  psrad xmm0, 5
;;   0x4b    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:xmm0]
;;             007f  psrld xmm0, 1
;;   0x50    i32.const 63                  [v128:xmm0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:xmm0]
;;             0085  psllq xmm0, 0x3f
;;   0x55    i32.const 33                  [v128:xmm0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:xmm0]
;;             008b  pcmpeqd xmm14, xmm14
;;             0090  psllq xmm14, 0x3f
;;             0096  psrlq xmm14, 0x21
;;             009c  psrlq xmm0, 0x21
;;             00a2  pxor xmm0, xmm14
;;             00a7  psubq xmm0, xmm14
;;   0x5a    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:xmm0]
;;             00ac  psrlq xmm0, 7
;;   0x5f    i32.const 64                  [v128:xmm0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:xmm0]
;;   0x65    end                           (returned)
;;             00b2  mov rsp, rbp
;;             00b5  pop rbp
;;             00b6  ret
;;           out-of-line stubs
;;             00b7  ud2  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 210 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xd0
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 7
;;             0038  movd xmm15, ecx
;;             003d  mov edx, 0xff
;;             0042  shl edx, cl
;;             0044  movzx edx, dl
;;             0047  imul edx, 0x1010101
;;             004d  movd xmm14, edx
;;             0052  pshufd xmm14, xmm14, 0
;;             0058  psllw xmm0, xmm15
;;             005d  pand xmm0, xmm14
;;   0x6e    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:xmm0]
;;             0062  mov ebx, [rbp+0x20]
;;             0069  movaps xmm14, xmm0
;;             006d  punpckhbw xmm14, xmm14
;;             0072  punpcklbw xmm0, xmm0
;;             0077  mov ecx, ebx
;;             007a  and ecx, 7
;;             007d  add ecx, 8
;;             0080  movd xmm15, ecx
;;             0085  psraw xmm0, xmm15
;;             008a  psraw xmm14, xmm15
;;             008f  packsswb xmm0, xmm14
;;   0x72    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:xmm0]
;;             0094  mov ebx, [rbp+0x20]
;;             009b  mov ecx, ebx
;;             009e  and ecx, 7
;;             00a4  movd xmm15, ecx
;;             00a9  mov edx, 0xff
;;             00ae  shr edx, cl
;;             00b0  imul edx, 0x1010101
;;             00b6  movd xmm14, edx
;;             00bb  pshufd xmm14, xmm14, 0
;;             00c1  psrlw xmm0, xmm15
;;             00c6  pand xmm0, xmm14
;;   0x76    end                           (returned)
;;             00cb  mov rsp, rbp
;;             00ce  pop rbp
;;             00cf  ret
;;           out-of-line stubs
;;             00d0  ud2  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7b
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 0xf
;;             0038  movd xmm15, ecx
;;             003d  psllw xmm0, xmm15
;;   0x80    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:xmm0]
;;             0042  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0xf
;;             0052  movd xmm15, ecx
;;             0057  psraw xmm0, xmm15
;;   0x85    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:xmm0]
;;             005c  mov ebx, [rbp+0x20]
;;             0063  mov ecx, ebx
;;             0066  and ecx, 0xf
;;             006c  movd xmm15, ecx
;;             0071  psrlw xmm0, xmm15
;;   0x8a    end                           (returned)
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7b
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 0x1f
;;             0038  movd xmm15, ecx
;;             003d  pslld xmm0, xmm15
;;   0x94    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:xmm0]
;;             0042  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0x1f
;;             0052  movd xmm15, ecx
;;             0057  psrad xmm0, xmm15
;;   0x99    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:xmm0]
;;             005c  mov ebx, [rbp+0x20]
;;             0063  mov ecx, ebx
;;             0066  and ecx, 0x1f
;;             006c  movd xmm15, ecx
;;             0071  psrld xmm0, xmm15
;;   0x9e    end                           (returned)
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 151 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x95
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:xmm0]
;;             001f  mov ebx, [rbp+0x20]
;;             0026  movdqu xmm0, [rbp+0x10]
;;             002f  mov ecx, ebx
;;             0032  and ecx, 0x3f
;;             0038  movd xmm15, ecx
;;             003d  psllq xmm0, xmm15
;;   0xa8    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:xmm0]
;;             0042  mov ebx, [rbp+0x20]
;;             0049  pcmpeqd xmm14, xmm14
;;             004e  psllq xmm14, 0x3f
;;             0054  mov ecx, ebx
;;             0057  and ecx, 0x3f
;;             005d  movd xmm15, ecx
;;             0062  psrlq xmm14, xmm15
;;             0067  psrlq xmm0, xmm15
;;             006c  pxor xmm0, xmm14
;;             0071  psubq xmm0, xmm14
;;   0xad    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:xmm0]
;;             0076  mov ebx, [rbp+0x20]
;;             007d  mov ecx, ebx
;;             0080  and ecx, 0x3f
;;             0086  movd xmm15, ecx
;;             008b  psrlq xmm0, xmm15
;;   0xb2    end                           (returned)
;;             0090  mov rsp, rbp
;;             0093  pop rbp
;;             0094  ret
;;           out-of-line stubs
;;             0095  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $constant (param v128) (result v128): 104 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  shl v0.16b, v0.16b, #0x1
;;   0x2a    i32.const 3                   [v128:q0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:q0]
;;             0030  sshr v0.16b, v0.16b, #0x3
;;   0x2e    i32.const 7                   [v128:q0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:q0]
;;             0034  ushr v0.16b, v0.16b, #0x7
;;   0x32    i32.const 1                   [v128:q0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:q0]
;;             0038  shl v0.8h, v0.8h, #0x1
;;   0x37    i32.const 15                  [v128:q0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:q0]
;;             003c  sshr v0.8h, v0.8h, #0xf
;;   0x3c    i32.const 16                  [v128:q0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:q0]
;;   0x41    i32.const 31                  [v128:q0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:q0]
;;             0040  shl v0.4s, v0.4s, #0x1f
;;   0x46    i32.const 5                   [v128:q0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:q0]
;;             0044  sshr v0.4s, v0.4s, #0x5
;;   0x4b    i32.const 1                   [v128:q0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:q0]
;;             0048  ushr v0.4s, v0.4s, #0x1
;;   0x50    i32.const 63                  [v128:q0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:q0]
;;             004c  shl v0.2d, v0.2d, #0x3f
;;   0x55    i32.const 33                  [v128:q0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:q0]
;;             0050  sshr v0.2d, v0.2d, #0x21
;;   0x5a    i32.const 7                   [v128:q0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:q0]
;;             0054  ushr v0.2d, v0.2d, #0x7
;;   0x5f    i32.const 64                  [v128:q0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:q0]
;;   0x65    end                           (returned)
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 116 bytes of aarch64
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
;;             0024  b.lo 0x70
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:q0]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr q0, [x29, #0x10]
;;             0030  and w16, w0, #0x7
;;             0034  dup v31.16b, w16
;;             0038  ushl v0.16b, v0.16b, v31.16b
;;   0x6e    local.get 1                   [v128:q0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:q0]
;;             003c  ldr w0, [x29, #0x20]
;;             0040  and w16, w0, #0x7
;;             0044  neg w16, w16
;;             0048  dup v31.16b, w16
;;             004c  sshl v0.16b, v0.16b, v31.16b
;;   0x72    local.get 1                   [v128:q0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:q0]
;;             0050  ldr w0, [x29, #0x20]
;;             0054  and w16, w0, #0x7
;;             0058  neg w16, w16
;;             005c  dup v31.16b, w16
;;             0060  ushl v0.16b, v0.16b, v31.16b
;;   0x76    end                           (returned)
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 116 bytes of aarch64
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
;;             0024  b.lo 0x70
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:q0]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr q0, [x29, #0x10]
;;             0030  and w16, w0, #0xf
;;             0034  dup v31.16b, w16
;;             0038  ushl v0.8h, v0.8h, v31.8h
;;   0x80    local.get 1                   [v128:q0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:q0]
;;             003c  ldr w0, [x29, #0x20]
;;             0040  and w16, w0, #0xf
;;             0044  neg w16, w16
;;             0048  dup v31.16b, w16
;;             004c  sshl v0.8h, v0.8h, v31.8h
;;   0x85    local.get 1                   [v128:q0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:q0]
;;             0050  ldr w0, [x29, #0x20]
;;             0054  and w16, w0, #0xf
;;             0058  neg w16, w16
;;             005c  dup v31.16b, w16
;;             0060  ushl v0.8h, v0.8h, v31.8h
;;   0x8a    end                           (returned)
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 116 bytes of aarch64
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
;;             0024  b.lo 0x70
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:q0]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr q0, [x29, #0x10]
;;             0030  and w16, w0, #0x1f
;;             0034  dup v31.16b, w16
;;             0038  ushl v0.4s, v0.4s, v31.4s
;;   0x94    local.get 1                   [v128:q0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:q0]
;;             003c  ldr w0, [x29, #0x20]
;;             0040  and w16, w0, #0x1f
;;             0044  neg w16, w16
;;             0048  dup v31.16b, w16
;;             004c  sshl v0.4s, v0.4s, v31.4s
;;   0x99    local.get 1                   [v128:q0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:q0]
;;             0050  ldr w0, [x29, #0x20]
;;             0054  and w16, w0, #0x1f
;;             0058  neg w16, w16
;;             005c  dup v31.16b, w16
;;             0060  ushl v0.4s, v0.4s, v31.4s
;;   0x9e    end                           (returned)
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 116 bytes of aarch64
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
;;             0024  b.lo 0x70
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:q0]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr q0, [x29, #0x10]
;;             0030  and w16, w0, #0x3f
;;             0034  dup v31.16b, w16
;;             0038  ushl v0.2d, v0.2d, v31.2d
;;   0xa8    local.get 1                   [v128:q0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:q0]
;;             003c  ldr w0, [x29, #0x20]
;;             0040  and w16, w0, #0x3f
;;             0044  neg w16, w16
;;             0048  dup v31.16b, w16
;;             004c  sshl v0.2d, v0.2d, v31.2d
;;   0xad    local.get 1                   [v128:q0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:q0]
;;             0050  ldr w0, [x29, #0x20]
;;             0054  and w16, w0, #0x3f
;;             0058  neg w16, w16
;;             005c  dup v31.16b, w16
;;             0060  ushl v0.2d, v0.2d, v31.2d
;;   0xb2    end                           (returned)
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
