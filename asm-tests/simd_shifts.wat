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
;; func 0 $constant (param v128) (result v128): 174 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xac
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  vpaddb xmm0, xmm0, xmm0
;;   0x2a    i32.const 3                   [v128:xmm0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:xmm0]
;;             0026  vpunpckhbw xmm14, xmm0, xmm0
;;             002b  vpunpcklbw xmm0, xmm0, xmm0
;;             0030  psraw xmm0, 0xb
;;             0036  psraw xmm14, 0xb
;;             003c  packsswb xmm0, xmm14
;;   0x2e    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:xmm0]
;;             0041  mov eax, 0x1010101
;;             0046  movd xmm14, eax
;;             004b  pshufd xmm14, xmm14, 0
;;             0051  vpsrlw xmm0, xmm0, 7
;;             0057  pand xmm0, xmm14
;;   0x32    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:xmm0]
;;             005c  vpsllw xmm0, xmm0, 1
;;   0x37    i32.const 15                  [v128:xmm0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:xmm0]
;;             0062  vpsraw xmm0, xmm0, 0xf
;;   0x3c    i32.const 16                  [v128:xmm0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:xmm0]
;;   0x41    i32.const 31                  [v128:xmm0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:xmm0]
;;             0068  vpslld xmm0, xmm0, 0x1f
;;   0x46    i32.const 5                   [v128:xmm0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:xmm0]
;;             006e  vpsrad xmm0, xmm0, 5
;;   0x4b    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:xmm0]
;;             0074  vpsrld xmm0, xmm0, 1
;;   0x50    i32.const 63                  [v128:xmm0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:xmm0]
;;             007a  vpsllq xmm0, xmm0, 0x3f
;;   0x55    i32.const 33                  [v128:xmm0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:xmm0]
;;             0080  pcmpeqd xmm14, xmm14
;;             0085  psllq xmm14, 0x3f
;;             008b  psrlq xmm14, 0x21
;;             0091  vpsrlq xmm0, xmm0, 0x21
;;             0097  pxor xmm0, xmm14
;;             009c  psubq xmm0, xmm14
;;   0x5a    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:xmm0]
;;             00a1  vpsrlq xmm0, xmm0, 7
;;   0x5f    i32.const 64                  [v128:xmm0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:xmm0]
;;   0x65    end                           (returned)
;;             00a7  mov rsp, rbp
;;             00aa  pop rbp
;;             00ab  ret
;;           out-of-line stubs
;;             00ac  ud2  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 181 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb3
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 7
;;             002a  movd xmm15, ecx
;;             002f  mov edx, 0xff
;;             0034  shl edx, cl
;;             0036  movzx edx, dl
;;             0039  imul edx, 0x1010101
;;             003f  movd xmm14, edx
;;             0044  pshufd xmm14, xmm14, 0
;;             004a  vpsllw xmm0, xmm0, xmm15
;;             004f  pand xmm0, xmm14
;;   0x6e    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:xmm0]
;;             0054  mov ebx, [rbp+0x20]
;;             0057  vpunpckhbw xmm14, xmm0, xmm0
;;             005c  vpunpcklbw xmm0, xmm0, xmm0
;;             0061  mov ecx, ebx
;;             0064  and ecx, 7
;;             0067  add ecx, 8
;;             006a  movd xmm15, ecx
;;             006f  psraw xmm0, xmm15
;;             0074  psraw xmm14, xmm15
;;             0079  packsswb xmm0, xmm14
;;   0x72    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:xmm0]
;;             007e  mov ebx, [rbp+0x20]
;;             0081  mov ecx, ebx
;;             0084  and ecx, 7
;;             0087  movd xmm15, ecx
;;             008c  mov edx, 0xff
;;             0091  shr edx, cl
;;             0093  imul edx, 0x1010101
;;             0099  movd xmm14, edx
;;             009e  pshufd xmm14, xmm14, 0
;;             00a4  vpsrlw xmm0, xmm0, xmm15
;;             00a9  pand xmm0, xmm14
;;   0x76    end                           (returned)
;;             00ae  mov rsp, rbp
;;             00b1  pop rbp
;;             00b2  ret
;;           out-of-line stubs
;;             00b3  ud2  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 97 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5f
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 0xf
;;             002a  movd xmm15, ecx
;;             002f  vpsllw xmm0, xmm0, xmm15
;;   0x80    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:xmm0]
;;             0034  mov ebx, [rbp+0x20]
;;             0037  mov ecx, ebx
;;             003a  and ecx, 0xf
;;             003d  movd xmm15, ecx
;;             0042  vpsraw xmm0, xmm0, xmm15
;;   0x85    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:xmm0]
;;             0047  mov ebx, [rbp+0x20]
;;             004a  mov ecx, ebx
;;             004d  and ecx, 0xf
;;             0050  movd xmm15, ecx
;;             0055  vpsrlw xmm0, xmm0, xmm15
;;   0x8a    end                           (returned)
;;             005a  mov rsp, rbp
;;             005d  pop rbp
;;             005e  ret
;;           out-of-line stubs
;;             005f  ud2  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 97 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5f
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 0x1f
;;             002a  movd xmm15, ecx
;;             002f  vpslld xmm0, xmm0, xmm15
;;   0x94    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:xmm0]
;;             0034  mov ebx, [rbp+0x20]
;;             0037  mov ecx, ebx
;;             003a  and ecx, 0x1f
;;             003d  movd xmm15, ecx
;;             0042  vpsrad xmm0, xmm0, xmm15
;;   0x99    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:xmm0]
;;             0047  mov ebx, [rbp+0x20]
;;             004a  mov ecx, ebx
;;             004d  and ecx, 0x1f
;;             0050  movd xmm15, ecx
;;             0055  vpsrld xmm0, xmm0, xmm15
;;   0x9e    end                           (returned)
;;             005a  mov rsp, rbp
;;             005d  pop rbp
;;             005e  ret
;;           out-of-line stubs
;;             005f  ud2  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 123 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x79
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 0x3f
;;             002a  movd xmm15, ecx
;;             002f  vpsllq xmm0, xmm0, xmm15
;;   0xa8    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:xmm0]
;;             0034  mov ebx, [rbp+0x20]
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  psllq xmm14, 0x3f
;;             0042  mov ecx, ebx
;;             0045  and ecx, 0x3f
;;             0048  movd xmm15, ecx
;;             004d  psrlq xmm14, xmm15
;;             0052  vpsrlq xmm0, xmm0, xmm15
;;             0057  pxor xmm0, xmm14
;;             005c  psubq xmm0, xmm14
;;   0xad    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:xmm0]
;;             0061  mov ebx, [rbp+0x20]
;;             0064  mov ecx, ebx
;;             0067  and ecx, 0x3f
;;             006a  movd xmm15, ecx
;;             006f  vpsrlq xmm0, xmm0, xmm15
;;   0xb2    end                           (returned)
;;             0074  mov rsp, rbp
;;             0077  pop rbp
;;             0078  ret
;;           out-of-line stubs
;;             0079  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $constant (param v128) (result v128): 178 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb0
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  paddb xmm0, xmm0
;;   0x2a    i32.const 3                   [v128:xmm0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:xmm0]
;;             0026  movaps xmm14, xmm0
;;             002a  punpckhbw xmm14, xmm14
;;             002f  punpcklbw xmm0, xmm0
;;             0034  psraw xmm0, 0xb
;;             003a  psraw xmm14, 0xb
;;             0040  packsswb xmm0, xmm14
;;   0x2e    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:xmm0]
;;             0045  mov eax, 0x1010101
;;             004a  movd xmm14, eax
;;             004f  pshufd xmm14, xmm14, 0
;;             0055  psrlw xmm0, 7
;;             005b  pand xmm0, xmm14
;;   0x32    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:xmm0]
;;             0060  psllw xmm0, 1
;;   0x37    i32.const 15                  [v128:xmm0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:xmm0]
;;             0066  psraw xmm0, 0xf
;;   0x3c    i32.const 16                  [v128:xmm0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:xmm0]
;;   0x41    i32.const 31                  [v128:xmm0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:xmm0]
;;             006c  pslld xmm0, 0x1f
;;   0x46    i32.const 5                   [v128:xmm0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:xmm0]
;;             0072  psrad xmm0, 5
;;   0x4b    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:xmm0]
;;             0078  psrld xmm0, 1
;;   0x50    i32.const 63                  [v128:xmm0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:xmm0]
;;             007e  psllq xmm0, 0x3f
;;   0x55    i32.const 33                  [v128:xmm0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:xmm0]
;;             0084  pcmpeqd xmm14, xmm14
;;             0089  psllq xmm14, 0x3f
;;             008f  psrlq xmm14, 0x21
;;             0095  psrlq xmm0, 0x21
;;             009b  pxor xmm0, xmm14
;;             00a0  psubq xmm0, xmm14
;;   0x5a    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:xmm0]
;;             00a5  psrlq xmm0, 7
;;   0x5f    i32.const 64                  [v128:xmm0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:xmm0]
;;   0x65    end                           (returned)
;;             00ab  mov rsp, rbp
;;             00ae  pop rbp
;;             00af  ret
;;           out-of-line stubs
;;             00b0  ud2  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 185 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb7
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 7
;;             002a  movd xmm15, ecx
;;             002f  mov edx, 0xff
;;             0034  shl edx, cl
;;             0036  movzx edx, dl
;;             0039  imul edx, 0x1010101
;;             003f  movd xmm14, edx
;;             0044  pshufd xmm14, xmm14, 0
;;             004a  psllw xmm0, xmm15
;;             004f  pand xmm0, xmm14
;;   0x6e    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:xmm0]
;;             0054  mov ebx, [rbp+0x20]
;;             0057  movaps xmm14, xmm0
;;             005b  punpckhbw xmm14, xmm14
;;             0060  punpcklbw xmm0, xmm0
;;             0065  mov ecx, ebx
;;             0068  and ecx, 7
;;             006b  add ecx, 8
;;             006e  movd xmm15, ecx
;;             0073  psraw xmm0, xmm15
;;             0078  psraw xmm14, xmm15
;;             007d  packsswb xmm0, xmm14
;;   0x72    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:xmm0]
;;             0082  mov ebx, [rbp+0x20]
;;             0085  mov ecx, ebx
;;             0088  and ecx, 7
;;             008b  movd xmm15, ecx
;;             0090  mov edx, 0xff
;;             0095  shr edx, cl
;;             0097  imul edx, 0x1010101
;;             009d  movd xmm14, edx
;;             00a2  pshufd xmm14, xmm14, 0
;;             00a8  psrlw xmm0, xmm15
;;             00ad  pand xmm0, xmm14
;;   0x76    end                           (returned)
;;             00b2  mov rsp, rbp
;;             00b5  pop rbp
;;             00b6  ret
;;           out-of-line stubs
;;             00b7  ud2  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 97 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5f
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 0xf
;;             002a  movd xmm15, ecx
;;             002f  psllw xmm0, xmm15
;;   0x80    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:xmm0]
;;             0034  mov ebx, [rbp+0x20]
;;             0037  mov ecx, ebx
;;             003a  and ecx, 0xf
;;             003d  movd xmm15, ecx
;;             0042  psraw xmm0, xmm15
;;   0x85    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:xmm0]
;;             0047  mov ebx, [rbp+0x20]
;;             004a  mov ecx, ebx
;;             004d  and ecx, 0xf
;;             0050  movd xmm15, ecx
;;             0055  psrlw xmm0, xmm15
;;   0x8a    end                           (returned)
;;             005a  mov rsp, rbp
;;             005d  pop rbp
;;             005e  ret
;;           out-of-line stubs
;;             005f  ud2  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 97 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5f
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 0x1f
;;             002a  movd xmm15, ecx
;;             002f  pslld xmm0, xmm15
;;   0x94    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:xmm0]
;;             0034  mov ebx, [rbp+0x20]
;;             0037  mov ecx, ebx
;;             003a  and ecx, 0x1f
;;             003d  movd xmm15, ecx
;;             0042  psrad xmm0, xmm15
;;   0x99    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:xmm0]
;;             0047  mov ebx, [rbp+0x20]
;;             004a  mov ecx, ebx
;;             004d  and ecx, 0x1f
;;             0050  movd xmm15, ecx
;;             0055  psrld xmm0, xmm15
;;   0x9e    end                           (returned)
;;             005a  mov rsp, rbp
;;             005d  pop rbp
;;             005e  ret
;;           out-of-line stubs
;;             005f  ud2  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 123 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x79
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0024  mov ecx, ebx
;;             0027  and ecx, 0x3f
;;             002a  movd xmm15, ecx
;;             002f  psllq xmm0, xmm15
;;   0xa8    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:xmm0]
;;             0034  mov ebx, [rbp+0x20]
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  psllq xmm14, 0x3f
;;             0042  mov ecx, ebx
;;             0045  and ecx, 0x3f
;;             0048  movd xmm15, ecx
;;             004d  psrlq xmm14, xmm15
;;             0052  psrlq xmm0, xmm15
;;             0057  pxor xmm0, xmm14
;;             005c  psubq xmm0, xmm14
;;   0xad    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:xmm0]
;;             0061  mov ebx, [rbp+0x20]
;;             0064  mov ecx, ebx
;;             0067  and ecx, 0x3f
;;             006a  movd xmm15, ecx
;;             006f  psrlq xmm0, xmm15
;;   0xb2    end                           (returned)
;;             0074  mov rsp, rbp
;;             0077  pop rbp
;;             0078  ret
;;           out-of-line stubs
;;             0079  ud2  ; trap: call stack exhausted

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
