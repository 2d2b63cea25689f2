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
;; func 0 $constant (param v128) (result v128): 173 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xab
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  vpaddb xmm0, xmm0, xmm0
;;   0x2a    i32.const 3                   [v128:xmm0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:xmm0]
;;             0025  vpunpckhbw xmm14, xmm0, xmm0
;;             002a  vpunpcklbw xmm0, xmm0, xmm0
;;             002f  psraw xmm0, 0xb
;;             0035  psraw xmm14, 0xb
;;             003b  packsswb xmm0, xmm14
;;   0x2e    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:xmm0]
;;             0040  mov eax, 0x1010101
;;             0045  movd xmm14, eax
;;             004a  pshufd xmm14, xmm14, 0
;;             0050  vpsrlw xmm0, xmm0, 7
;;             0056  pand xmm0, xmm14
;;   0x32    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:xmm0]
;;             005b  vpsllw xmm0, xmm0, 1
;;   0x37    i32.const 15                  [v128:xmm0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:xmm0]
;;             0061  vpsraw xmm0, xmm0, 0xf
;;   0x3c    i32.const 16                  [v128:xmm0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:xmm0]
;;   0x41    i32.const 31                  [v128:xmm0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:xmm0]
;;             0067  vpslld xmm0, xmm0, 0x1f
;;   0x46    i32.const 5                   [v128:xmm0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:xmm0]
;;             006d  vpsrad xmm0, xmm0, 5
;;   0x4b    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:xmm0]
;;             0073  vpsrld xmm0, xmm0, 1
;;   0x50    i32.const 63                  [v128:xmm0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:xmm0]
;;             0079  vpsllq xmm0, xmm0, 0x3f
;;   0x55    i32.const 33                  [v128:xmm0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:xmm0]
;;             007f  pcmpeqd xmm14, xmm14
;;             0084  psllq xmm14, 0x3f
;;             008a  psrlq xmm14, 0x21
;;             0090  vpsrlq xmm0, xmm0, 0x21
;;             0096  pxor xmm0, xmm14
;;             009b  psubq xmm0, xmm14
;;   0x5a    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:xmm0]
;;             00a0  vpsrlq xmm0, xmm0, 7
;;   0x5f    i32.const 64                  [v128:xmm0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:xmm0]
;;   0x65    end                           (returned)
;;             00a6  mov rsp, rbp
;;             00a9  pop rbp
;;             00aa  ret
;;           out-of-line stubs
;;             00ab  ud2  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 180 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb2
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 7
;;             0029  movd xmm15, ecx
;;             002e  mov edx, 0xff
;;             0033  shl edx, cl
;;             0035  movzx edx, dl
;;             0038  imul edx, 0x1010101
;;             003e  movd xmm14, edx
;;             0043  pshufd xmm14, xmm14, 0
;;             0049  vpsllw xmm0, xmm0, xmm15
;;             004e  pand xmm0, xmm14
;;   0x6e    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:xmm0]
;;             0053  mov ebx, [rbp+0x20]
;;             0056  vpunpckhbw xmm14, xmm0, xmm0
;;             005b  vpunpcklbw xmm0, xmm0, xmm0
;;             0060  mov ecx, ebx
;;             0063  and ecx, 7
;;             0066  add ecx, 8
;;             0069  movd xmm15, ecx
;;             006e  psraw xmm0, xmm15
;;             0073  psraw xmm14, xmm15
;;             0078  packsswb xmm0, xmm14
;;   0x72    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:xmm0]
;;             007d  mov ebx, [rbp+0x20]
;;             0080  mov ecx, ebx
;;             0083  and ecx, 7
;;             0086  movd xmm15, ecx
;;             008b  mov edx, 0xff
;;             0090  shr edx, cl
;;             0092  imul edx, 0x1010101
;;             0098  movd xmm14, edx
;;             009d  pshufd xmm14, xmm14, 0
;;             00a3  vpsrlw xmm0, xmm0, xmm15
;;             00a8  pand xmm0, xmm14
;;   0x76    end                           (returned)
;;             00ad  mov rsp, rbp
;;             00b0  pop rbp
;;             00b1  ret
;;           out-of-line stubs
;;             00b2  ud2  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 96 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5e
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 0xf
;;             0029  movd xmm15, ecx
;;             002e  vpsllw xmm0, xmm0, xmm15
;;   0x80    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  mov ecx, ebx
;;             0039  and ecx, 0xf
;;             003c  movd xmm15, ecx
;;             0041  vpsraw xmm0, xmm0, xmm15
;;   0x85    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:xmm0]
;;             0046  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0xf
;;             004f  movd xmm15, ecx
;;             0054  vpsrlw xmm0, xmm0, xmm15
;;   0x8a    end                           (returned)
;;             0059  mov rsp, rbp
;;             005c  pop rbp
;;             005d  ret
;;           out-of-line stubs
;;             005e  ud2  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 96 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5e
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 0x1f
;;             0029  movd xmm15, ecx
;;             002e  vpslld xmm0, xmm0, xmm15
;;   0x94    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  mov ecx, ebx
;;             0039  and ecx, 0x1f
;;             003c  movd xmm15, ecx
;;             0041  vpsrad xmm0, xmm0, xmm15
;;   0x99    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:xmm0]
;;             0046  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0x1f
;;             004f  movd xmm15, ecx
;;             0054  vpsrld xmm0, xmm0, xmm15
;;   0x9e    end                           (returned)
;;             0059  mov rsp, rbp
;;             005c  pop rbp
;;             005d  ret
;;           out-of-line stubs
;;             005e  ud2  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 122 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x78
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 0x3f
;;             0029  movd xmm15, ecx
;;             002e  vpsllq xmm0, xmm0, xmm15
;;   0xa8    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  pcmpeqd xmm14, xmm14
;;             003b  psllq xmm14, 0x3f
;;             0041  mov ecx, ebx
;;             0044  and ecx, 0x3f
;;             0047  movd xmm15, ecx
;;             004c  psrlq xmm14, xmm15
;;             0051  vpsrlq xmm0, xmm0, xmm15
;;             0056  pxor xmm0, xmm14
;;             005b  psubq xmm0, xmm14
;;   0xad    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:xmm0]
;;             0060  mov ebx, [rbp+0x20]
;;             0063  mov ecx, ebx
;;             0066  and ecx, 0x3f
;;             0069  movd xmm15, ecx
;;             006e  vpsrlq xmm0, xmm0, xmm15
;;   0xb2    end                           (returned)
;;             0073  mov rsp, rbp
;;             0076  pop rbp
;;             0077  ret
;;           out-of-line stubs
;;             0078  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $constant (param v128) (result v128): 177 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xaf
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    i32.const 9                   [v128:local 0, i32:const 9]
;;   0x28    i8x16.shl                     [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  paddb xmm0, xmm0
;;   0x2a    i32.const 3                   [v128:xmm0, i32:const 3]
;;   0x2c    i8x16.shr_s                   [v128:xmm0]
;;             0025  movaps xmm14, xmm0
;;             0029  punpckhbw xmm14, xmm14
;;             002e  punpcklbw xmm0, xmm0
;;             0033  psraw xmm0, 0xb
;;             0039  psraw xmm14, 0xb
;;             003f  packsswb xmm0, xmm14
;;   0x2e    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x30    i8x16.shr_u                   [v128:xmm0]
;;             0044  mov eax, 0x1010101
;;             0049  movd xmm14, eax
;;             004e  pshufd xmm14, xmm14, 0
;;             0054  psrlw xmm0, 7
;;             005a  pand xmm0, xmm14
;;   0x32    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x34    i16x8.shl                     [v128:xmm0]
;;             005f  psllw xmm0, 1
;;   0x37    i32.const 15                  [v128:xmm0, i32:const 15]
;;   0x39    i16x8.shr_s                   [v128:xmm0]
;;             0065  psraw xmm0, 0xf
;;   0x3c    i32.const 16                  [v128:xmm0, i32:const 16]
;;   0x3e    i16x8.shr_u                   [v128:xmm0]
;;   0x41    i32.const 31                  [v128:xmm0, i32:const 31]
;;   0x43    i32x4.shl                     [v128:xmm0]
;;             006b  pslld xmm0, 0x1f
;;   0x46    i32.const 5                   [v128:xmm0, i32:const 5]
;;   0x48    i32x4.shr_s                   [v128:xmm0]
;;             0071  psrad xmm0, 5
;;   0x4b    i32.const 1                   [v128:xmm0, i32:const 1]
;;   0x4d    i32x4.shr_u                   [v128:xmm0]
;;             0077  psrld xmm0, 1
;;   0x50    i32.const 63                  [v128:xmm0, i32:const 63]
;;   0x52    i64x2.shl                     [v128:xmm0]
;;             007d  psllq xmm0, 0x3f
;;   0x55    i32.const 33                  [v128:xmm0, i32:const 33]
;;   0x57    i64x2.shr_s                   [v128:xmm0]
;;             0083  pcmpeqd xmm14, xmm14
;;             0088  psllq xmm14, 0x3f
;;             008e  psrlq xmm14, 0x21
;;             0094  psrlq xmm0, 0x21
;;             009a  pxor xmm0, xmm14
;;             009f  psubq xmm0, xmm14
;;   0x5a    i32.const 7                   [v128:xmm0, i32:const 7]
;;   0x5c    i64x2.shr_u                   [v128:xmm0]
;;             00a4  psrlq xmm0, 7
;;   0x5f    i32.const 64                  [v128:xmm0, i32:const 64]
;;   0x62    i64x2.shr_s                   [v128:xmm0]
;;   0x65    end                           (returned)
;;             00aa  mov rsp, rbp
;;             00ad  pop rbp
;;             00ae  ret
;;           out-of-line stubs
;;             00af  ud2  ; trap: call stack exhausted
;;
;; func 1 $dynamic_i8x16 (param v128 i32) (result v128): 184 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb6
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, i32:local 1]
;;   0x6c    i8x16.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 7
;;             0029  movd xmm15, ecx
;;             002e  mov edx, 0xff
;;             0033  shl edx, cl
;;             0035  movzx edx, dl
;;             0038  imul edx, 0x1010101
;;             003e  movd xmm14, edx
;;             0043  pshufd xmm14, xmm14, 0
;;             0049  psllw xmm0, xmm15
;;             004e  pand xmm0, xmm14
;;   0x6e    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x70    i8x16.shr_s                   [v128:xmm0]
;;             0053  mov ebx, [rbp+0x20]
;;             0056  movaps xmm14, xmm0
;;             005a  punpckhbw xmm14, xmm14
;;             005f  punpcklbw xmm0, xmm0
;;             0064  mov ecx, ebx
;;             0067  and ecx, 7
;;             006a  add ecx, 8
;;             006d  movd xmm15, ecx
;;             0072  psraw xmm0, xmm15
;;             0077  psraw xmm14, xmm15
;;             007c  packsswb xmm0, xmm14
;;   0x72    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x74    i8x16.shr_u                   [v128:xmm0]
;;             0081  mov ebx, [rbp+0x20]
;;             0084  mov ecx, ebx
;;             0087  and ecx, 7
;;             008a  movd xmm15, ecx
;;             008f  mov edx, 0xff
;;             0094  shr edx, cl
;;             0096  imul edx, 0x1010101
;;             009c  movd xmm14, edx
;;             00a1  pshufd xmm14, xmm14, 0
;;             00a7  psrlw xmm0, xmm15
;;             00ac  pand xmm0, xmm14
;;   0x76    end                           (returned)
;;             00b1  mov rsp, rbp
;;             00b4  pop rbp
;;             00b5  ret
;;           out-of-line stubs
;;             00b6  ud2  ; trap: call stack exhausted
;;
;; func 2 $dynamic_i16x8 (param v128 i32) (result v128): 96 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5e
;;   0x79    local.get 0                   [v128:local 0]
;;   0x7b    local.get 1                   [v128:local 0, i32:local 1]
;;   0x7d    i16x8.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 0xf
;;             0029  movd xmm15, ecx
;;             002e  psllw xmm0, xmm15
;;   0x80    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x82    i16x8.shr_s                   [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  mov ecx, ebx
;;             0039  and ecx, 0xf
;;             003c  movd xmm15, ecx
;;             0041  psraw xmm0, xmm15
;;   0x85    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x87    i16x8.shr_u                   [v128:xmm0]
;;             0046  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0xf
;;             004f  movd xmm15, ecx
;;             0054  psrlw xmm0, xmm15
;;   0x8a    end                           (returned)
;;             0059  mov rsp, rbp
;;             005c  pop rbp
;;             005d  ret
;;           out-of-line stubs
;;             005e  ud2  ; trap: call stack exhausted
;;
;; func 3 $dynamic_i32x4 (param v128 i32) (result v128): 96 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5e
;;   0x8d    local.get 0                   [v128:local 0]
;;   0x8f    local.get 1                   [v128:local 0, i32:local 1]
;;   0x91    i32x4.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 0x1f
;;             0029  movd xmm15, ecx
;;             002e  pslld xmm0, xmm15
;;   0x94    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x96    i32x4.shr_s                   [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  mov ecx, ebx
;;             0039  and ecx, 0x1f
;;             003c  movd xmm15, ecx
;;             0041  psrad xmm0, xmm15
;;   0x99    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9b    i32x4.shr_u                   [v128:xmm0]
;;             0046  mov ebx, [rbp+0x20]
;;             0049  mov ecx, ebx
;;             004c  and ecx, 0x1f
;;             004f  movd xmm15, ecx
;;             0054  psrld xmm0, xmm15
;;   0x9e    end                           (returned)
;;             0059  mov rsp, rbp
;;             005c  pop rbp
;;             005d  ret
;;           out-of-line stubs
;;             005e  ud2  ; trap: call stack exhausted
;;
;; func 4 $dynamic_i64x2 (param v128 i32) (result v128): 122 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x78
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, i32:local 1]
;;   0xa5    i64x2.shl                     [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  mov ecx, ebx
;;             0026  and ecx, 0x3f
;;             0029  movd xmm15, ecx
;;             002e  psllq xmm0, xmm15
;;   0xa8    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaa    i64x2.shr_s                   [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  pcmpeqd xmm14, xmm14
;;             003b  psllq xmm14, 0x3f
;;             0041  mov ecx, ebx
;;             0044  and ecx, 0x3f
;;             0047  movd xmm15, ecx
;;             004c  psrlq xmm14, xmm15
;;             0051  psrlq xmm0, xmm15
;;             0056  pxor xmm0, xmm14
;;             005b  psubq xmm0, xmm14
;;   0xad    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xaf    i64x2.shr_u                   [v128:xmm0]
;;             0060  mov ebx, [rbp+0x20]
;;             0063  mov ecx, ebx
;;             0066  and ecx, 0x3f
;;             0069  movd xmm15, ecx
;;             006e  psrlq xmm0, xmm15
;;   0xb2    end                           (returned)
;;             0073  mov rsp, rbp
;;             0076  pop rbp
;;             0077  ret
;;           out-of-line stubs
;;             0078  ud2  ; trap: call stack exhausted

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
