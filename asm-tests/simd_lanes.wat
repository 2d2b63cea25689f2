;; targets: x86_64 aarch64
;;
;; Moving scalars into and out of vector lanes: splat from an integer or a
;; float register (a float's register becomes the vector's), extract_lane
;; (signed and unsigned for i8 and i16 lanes; lane 0 of a float vector
;; in place is the scalar already), and replace_lane, for every
;; shape.

(module
  (func $splat (param i32 i64 f32 f64) (result v128 v128 v128 v128 v128 v128)
    (i8x16.splat (local.get 0))
    (i16x8.splat (local.get 0))
    (i32x4.splat (local.get 0))
    (i64x2.splat (local.get 1))
    (f32x4.splat (local.get 2))
    (f64x2.splat (local.get 3)))
  (func $extract_int (param v128) (result i32 i32 i32 i32 i32 i64)
    (i8x16.extract_lane_s 15 (local.get 0))
    (i8x16.extract_lane_u 1 (local.get 0))
    (i16x8.extract_lane_s 7 (local.get 0))
    (i16x8.extract_lane_u 0 (local.get 0))
    (i32x4.extract_lane 3 (local.get 0))
    (i64x2.extract_lane 1 (local.get 0)))
  (func $extract_float (param v128) (result f32 f32 f64 f64)
    (f32x4.extract_lane 0 (local.get 0))
    (f32x4.extract_lane 3 (local.get 0))
    (f64x2.extract_lane 0 (local.get 0))
    (f64x2.extract_lane 1 (local.get 0)))
  (func $replace (param v128 i32 i64 f32 f64) (result v128)
    (i8x16.replace_lane 15 (local.get 0) (local.get 1))
    (i16x8.replace_lane 3 (local.get 1))
    (i32x4.replace_lane 2 (local.get 1))
    (i64x2.replace_lane 1 (local.get 2))
    (f32x4.replace_lane 0 (local.get 3))
    (f32x4.replace_lane 3 (local.get 3))
    (f64x2.replace_lane 0 (local.get 4))
    (f64x2.replace_lane 1 (local.get 4))))

;; ==== expected x86_64 ====
;; func 0 $splat (param i32 i64 f32 f64) (result v128 v128 v128 v128 v128 v128): 153 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x70
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x97
;;   0x40    local.get 0                   [i32:local 0]
;;   0x42    i8x16.splat                   [v128:xmm0]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  movd xmm0, ebx
;;             0023  pxor xmm15, xmm15
;;             0028  pshufb xmm0, xmm15
;;   0x44    local.get 0                   [v128:xmm0, i32:local 0]
;;   0x46    i16x8.splat                   [v128:xmm0, v128:xmm1]
;;             002e  mov ebx, [rbp+0x10]
;;             0031  movd xmm1, ebx
;;             0036  pshuflw xmm1, xmm1, 0
;;             003c  pshufd xmm1, xmm1, 0
;;   0x48    local.get 0                   [v128:xmm0, v128:xmm1, i32:local 0]
;;   0x4a    i32x4.splat                   [v128:xmm0, v128:xmm1, v128:xmm2]
;;             0042  mov ebx, [rbp+0x10]
;;             0045  movd xmm2, ebx
;;             004a  pshufd xmm2, xmm2, 0
;;   0x4c    local.get 1                   [v128:xmm0, v128:xmm1, v128:xmm2, i64:local 1]
;;   0x4e    i64x2.splat                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3]
;;             0050  mov rbx, [rbp+0x18]
;;             0054  movq xmm3, rbx
;;             0059  punpcklqdq xmm3, xmm3
;;   0x50    local.get 2                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, f32:local 2]
;;   0x52    f32x4.splat                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4]
;;             005e  movss xmm4, [rbp+0x20]
;;             0063  pshufd xmm4, xmm4, 0
;;   0x54    local.get 3                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, f64:local 3]
;;   0x56    f64x2.splat                   [v128:xmm0, v128:xmm1, v128:xmm2, v128:xmm3, v128:xmm4, v128:xmm5]
;;             0069  movsd xmm5, [rbp+0x28]
;;             006e  pshufd xmm5, xmm5, 0x44
;;   0x58    end                           (returned)
;;             0074  movdqu [rbp+0x10], xmm0
;;             0079  movdqu [rbp+0x20], xmm1
;;             007e  movdqu [rbp+0x30], xmm2
;;             0083  movdqu [rbp+0x40], xmm3
;;             0088  movdqu [rbp+0x50], xmm4
;;             008d  movdqu [rbp+0x60], xmm5
;;             0092  mov rsp, rbp
;;             0095  pop rbp
;;             0096  ret
;;           out-of-line stubs
;;             0097  ud2  ; trap: call stack exhausted
;;
;; func 1 $extract_int (param v128) (result i32 i32 i32 i32 i32 i64): 133 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x83
;;   0x5b    local.get 0                   [v128:local 0]
;;   0x5d    i8x16.extract_lane_s 15       [i32:ebx]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pextrb ebx, xmm0, 0xf
;;             0027  movsx ebx, bl
;;   0x60    local.get 0                   [i32:ebx, v128:local 0]
;;   0x62    i8x16.extract_lane_u 1        [i32:ebx, i32:esi]
;;             002b  movdqu xmm0, [rbp+0x10]
;;             0030  pextrb esi, xmm0, 1
;;   0x65    local.get 0                   [i32:ebx, i32:esi, v128:local 0]
;;   0x67    i16x8.extract_lane_s 7        [i32:ebx, i32:esi, i32:edi]
;;             0037  movdqu xmm0, [rbp+0x10]
;;             003c  pextrw edi, xmm0, 7
;;             0042  movsx edi, di
;;   0x6a    local.get 0                   [i32:ebx, i32:esi, i32:edi, v128:local 0]
;;   0x6c    i16x8.extract_lane_u 0        [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             0046  movdqu xmm0, [rbp+0x10]
;;             004b  pextrw r8d, xmm0, 0
;;   0x6f    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, v128:local 0]
;;   0x71    i32x4.extract_lane 3          [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             0051  movdqu xmm0, [rbp+0x10]
;;             0056  pextrd r9d, xmm0, 3
;;   0x74    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, v128:local 0]
;;   0x76    i64x2.extract_lane 1          [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i64:r10]
;;             005d  movdqu xmm0, [rbp+0x10]
;;             0062  pextrq r10, xmm0, 1
;;   0x79    end                           (returned)
;;             0069  mov [rbp+0x10], ebx
;;             006c  mov [rbp+0x18], esi
;;             006f  mov [rbp+0x20], edi
;;             0072  mov [rbp+0x28], r8d
;;             0076  mov [rbp+0x30], r9d
;;             007a  mov [rbp+0x38], r10
;;             007e  mov rsp, rbp
;;             0081  pop rbp
;;             0082  ret
;;           out-of-line stubs
;;             0083  ud2  ; trap: call stack exhausted
;;
;; func 2 $extract_float (param v128) (result f32 f32 f64 f64): 86 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x54
;;   0x7c    local.get 0                   [v128:local 0]
;;   0x7e    f32x4.extract_lane 0          [f32:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;   0x81    local.get 0                   [f32:xmm0, v128:local 0]
;;   0x83    f32x4.extract_lane 3          [f32:xmm0, f32:xmm1]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pshufd xmm1, xmm1, 3
;;   0x86    local.get 0                   [f32:xmm0, f32:xmm1, v128:local 0]
;;   0x88    f64x2.extract_lane 0          [f32:xmm0, f32:xmm1, f64:xmm2]
;;             002b  movdqu xmm2, [rbp+0x10]
;;   0x8b    local.get 0                   [f32:xmm0, f32:xmm1, f64:xmm2, v128:local 0]
;;   0x8d    f64x2.extract_lane 1          [f32:xmm0, f32:xmm1, f64:xmm2, f64:xmm3]
;;             0030  movdqu xmm3, [rbp+0x10]
;;             0035  pshufd xmm3, xmm3, 0xee
;;   0x90    end                           (returned)
;;             003b  movss [rbp+0x10], xmm0
;;             0040  movss [rbp+0x18], xmm1
;;             0045  movsd [rbp+0x20], xmm2
;;             004a  movsd [rbp+0x28], xmm3
;;             004f  mov rsp, rbp
;;             0052  pop rbp
;;             0053  ret
;;           out-of-line stubs
;;             0054  ud2  ; trap: call stack exhausted
;;
;; func 3 $replace (param v128 i32 i64 f32 f64) (result v128): 122 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x78
;;   0x93    local.get 0                   [v128:local 0]
;;   0x95    local.get 1                   [v128:local 0, i32:local 1]
;;   0x97    i8x16.replace_lane 15         [v128:xmm0]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movdqu xmm0, [rbp+0x10]
;;             0023  pinsrb xmm0, ebx, 0xf
;;   0x9a    local.get 1                   [v128:xmm0, i32:local 1]
;;   0x9c    i16x8.replace_lane 3          [v128:xmm0]
;;             002a  mov ebx, [rbp+0x20]
;;             002d  pinsrw xmm0, ebx, 3
;;   0x9f    local.get 1                   [v128:xmm0, i32:local 1]
;;   0xa1    i32x4.replace_lane 2          [v128:xmm0]
;;             0033  mov ebx, [rbp+0x20]
;;             0036  pinsrd xmm0, ebx, 2
;;   0xa4    local.get 2                   [v128:xmm0, i64:local 2]
;;   0xa6    i64x2.replace_lane 1          [v128:xmm0]
;;             003d  mov rbx, [rbp+0x28]
;;             0041  pinsrq xmm0, rbx, 1
;;   0xa9    local.get 3                   [v128:xmm0, f32:local 3]
;;   0xab    f32x4.replace_lane 0          [v128:xmm0]
;;             0048  movss xmm1, [rbp+0x30]
;;             004d  insertps xmm0, xmm1, 0
;;   0xae    local.get 3                   [v128:xmm0, f32:local 3]
;;   0xb0    f32x4.replace_lane 3          [v128:xmm0]
;;             0054  movss xmm1, [rbp+0x30]
;;             0059  insertps xmm0, xmm1, 0x30
;;   0xb3    local.get 4                   [v128:xmm0, f64:local 4]
;;   0xb5    f64x2.replace_lane 0          [v128:xmm0]
;;             0060  movsd xmm1, [rbp+0x38]
;;             0065  movsd xmm0, xmm1
;;   0xb8    local.get 4                   [v128:xmm0, f64:local 4]
;;   0xba    f64x2.replace_lane 1          [v128:xmm0]
;;             006a  movsd xmm1, [rbp+0x38]
;;             006f  movlhps xmm0, xmm1
;;   0xbd    end                           (returned)
;;             0073  mov rsp, rbp
;;             0076  pop rbp
;;             0077  ret
;;           out-of-line stubs
;;             0078  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $splat (param i32 i64 f32 f64) (result v128 v128 v128 v128 v128 v128): 128 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x70
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x7c
;;   0x40    local.get 0                   [i32:local 0]
;;   0x42    i8x16.splat                   [v128:q0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  dup v0.16b, w0
;;   0x44    local.get 0                   [v128:q0, i32:local 0]
;;   0x46    i16x8.splat                   [v128:q0, v128:q1]
;;             0030  ldr w0, [x29, #0x10]
;;             0034  dup v1.8h, w0
;;   0x48    local.get 0                   [v128:q0, v128:q1, i32:local 0]
;;   0x4a    i32x4.splat                   [v128:q0, v128:q1, v128:q2]
;;             0038  ldr w0, [x29, #0x10]
;;             003c  dup v2.4s, w0
;;   0x4c    local.get 1                   [v128:q0, v128:q1, v128:q2, i64:local 1]
;;   0x4e    i64x2.splat                   [v128:q0, v128:q1, v128:q2, v128:q3]
;;             0040  ldr x0, [x29, #0x18]
;;             0044  dup v3.2d, x0
;;   0x50    local.get 2                   [v128:q0, v128:q1, v128:q2, v128:q3, f32:local 2]
;;   0x52    f32x4.splat                   [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4]
;;             0048  ldr s4, [x29, #0x20]
;;             004c  mov v4.4s, v4.s[0]
;;   0x54    local.get 3                   [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, f64:local 3]
;;   0x56    f64x2.splat                   [v128:q0, v128:q1, v128:q2, v128:q3, v128:q4, v128:q5]
;;             0050  ldr d5, [x29, #0x28]
;;             0054  mov v5.2d, v5.d[0]
;;   0x58    end                           (returned)
;;             0058  str q0, [x29, #0x10]
;;             005c  str q1, [x29, #0x20]
;;             0060  str q2, [x29, #0x30]
;;             0064  str q3, [x29, #0x40]
;;             0068  str q4, [x29, #0x50]
;;             006c  str q5, [x29, #0x60]
;;             0070  mov sp, x29
;;             0074  ldp x29, x30, [sp], #0x10
;;             0078  ret
;;           out-of-line stubs
;;             007c  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $extract_int (param v128) (result i32 i32 i32 i32 i32 i64): 128 bytes of aarch64
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
;;             0024  b.lo 0x7c
;;   0x5b    local.get 0                   [v128:local 0]
;;   0x5d    i8x16.extract_lane_s 15       [i32:w0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  smov w0, v0.b[15]
;;   0x60    local.get 0                   [i32:w0, v128:local 0]
;;   0x62    i8x16.extract_lane_u 1        [i32:w0, i32:w1]
;;             0030  ldr q0, [x29, #0x10]
;;             0034  umov w1, v0.b[1]
;;   0x65    local.get 0                   [i32:w0, i32:w1, v128:local 0]
;;   0x67    i16x8.extract_lane_s 7        [i32:w0, i32:w1, i32:w2]
;;             0038  ldr q0, [x29, #0x10]
;;             003c  smov w2, v0.h[7]
;;   0x6a    local.get 0                   [i32:w0, i32:w1, i32:w2, v128:local 0]
;;   0x6c    i16x8.extract_lane_u 0        [i32:w0, i32:w1, i32:w2, i32:w3]
;;             0040  ldr q0, [x29, #0x10]
;;             0044  umov w3, v0.h[0]
;;   0x6f    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, v128:local 0]
;;   0x71    i32x4.extract_lane 3          [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4]
;;             0048  ldr q0, [x29, #0x10]
;;             004c  mov w4, v0.s[3]
;;   0x74    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, v128:local 0]
;;   0x76    i64x2.extract_lane 1          [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i64:x5]
;;             0050  ldr q0, [x29, #0x10]
;;             0054  mov x5, v0.d[1]
;;   0x79    end                           (returned)
;;             0058  str w0, [x29, #0x10]
;;             005c  str w1, [x29, #0x18]
;;             0060  str w2, [x29, #0x20]
;;             0064  str w3, [x29, #0x28]
;;             0068  str w4, [x29, #0x30]
;;             006c  str x5, [x29, #0x38]
;;             0070  mov sp, x29
;;             0074  ldp x29, x30, [sp], #0x10
;;             0078  ret
;;           out-of-line stubs
;;             007c  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $extract_float (param v128) (result f32 f32 f64 f64): 96 bytes of aarch64
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
;;   0x7c    local.get 0                   [v128:local 0]
;;   0x7e    f32x4.extract_lane 0          [f32:s0]
;;             0028  ldr q0, [x29, #0x10]
;;   0x81    local.get 0                   [f32:s0, v128:local 0]
;;   0x83    f32x4.extract_lane 3          [f32:s0, f32:s1]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov s1, v1.s[3]
;;   0x86    local.get 0                   [f32:s0, f32:s1, v128:local 0]
;;   0x88    f64x2.extract_lane 0          [f32:s0, f32:s1, f64:d2]
;;             0034  ldr q2, [x29, #0x10]
;;   0x8b    local.get 0                   [f32:s0, f32:s1, f64:d2, v128:local 0]
;;   0x8d    f64x2.extract_lane 1          [f32:s0, f32:s1, f64:d2, f64:d3]
;;             0038  ldr q3, [x29, #0x10]
;;             003c  mov d3, v3.d[1]
;;   0x90    end                           (returned)
;;             0040  str s0, [x29, #0x10]
;;             0044  str s1, [x29, #0x18]
;;             0048  str d2, [x29, #0x20]
;;             004c  str d3, [x29, #0x28]
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $replace (param v128 i32 i64 f32 f64) (result v128): 124 bytes of aarch64
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
;;             0024  b.lo 0x78
;;   0x93    local.get 0                   [v128:local 0]
;;   0x95    local.get 1                   [v128:local 0, i32:local 1]
;;   0x97    i8x16.replace_lane 15         [v128:q0]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr q0, [x29, #0x10]
;;             0030  mov v0.b[15], w0
;;   0x9a    local.get 1                   [v128:q0, i32:local 1]
;;   0x9c    i16x8.replace_lane 3          [v128:q0]
;;             0034  ldr w0, [x29, #0x20]
;;             0038  mov v0.h[3], w0
;;   0x9f    local.get 1                   [v128:q0, i32:local 1]
;;   0xa1    i32x4.replace_lane 2          [v128:q0]
;;             003c  ldr w0, [x29, #0x20]
;;             0040  mov v0.s[2], w0
;;   0xa4    local.get 2                   [v128:q0, i64:local 2]
;;   0xa6    i64x2.replace_lane 1          [v128:q0]
;;             0044  ldr x0, [x29, #0x28]
;;             0048  mov v0.d[1], x0
;;   0xa9    local.get 3                   [v128:q0, f32:local 3]
;;   0xab    f32x4.replace_lane 0          [v128:q0]
;;             004c  ldr s1, [x29, #0x30]
;;             0050  mov v0.s[0], v1.s[0]
;;   0xae    local.get 3                   [v128:q0, f32:local 3]
;;   0xb0    f32x4.replace_lane 3          [v128:q0]
;;             0054  ldr s1, [x29, #0x30]
;;             0058  mov v0.s[3], v1.s[0]
;;   0xb3    local.get 4                   [v128:q0, f64:local 4]
;;   0xb5    f64x2.replace_lane 0          [v128:q0]
;;             005c  ldr d1, [x29, #0x38]
;;             0060  mov v0.d[0], v1.d[0]
;;   0xb8    local.get 4                   [v128:q0, f64:local 4]
;;   0xba    f64x2.replace_lane 1          [v128:q0]
;;             0064  ldr d1, [x29, #0x38]
;;             0068  mov v0.d[1], v1.d[0]
;;   0xbd    end                           (returned)
;;             006c  mov sp, x29
;;             0070  ldp x29, x30, [sp], #0x10
;;             0074  ret
;;           out-of-line stubs
;;             0078  udf #0x0  ; trap: call stack exhausted
