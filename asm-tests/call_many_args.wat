;; targets: x86_64 aarch64
;;
;; A direct call with many arguments: live registers are spilled
;; (every allocatable register is caller-saved), arguments are written to
;; the outgoing area at [sp + 8*i], the result comes back in rax / x0.

(module
  (func $callee (param i32 i64 f32 f64 i32 i32 i32 i32 i32 i32) (result i32)
    (local.get 9))
  (func (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 100))   ;; live across the call
    (call $callee
      (local.get 0) (i64.const 2) (f32.const 3) (f64.const 4)
      (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8)
      (i32.const 9) (i32.mul (local.get 0) (i32.const 10)))
    i32.add))

;; ==== expected x86_64 ====
;; func 0 $callee (param i32 i64 f32 f64 i32 i32 i32 i32 i32 i32) (result i32): 37 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x23
;;   0x28    local.get 9                   [i32:local 9]
;;   0x2a    end                           (returned)
;;             001b  mov eax, [rbp+0x58]
;;             001e  mov rsp, rbp
;;             0021  pop rbp
;;             0022  ret
;;           out-of-line stubs
;;             0023  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 146 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0xd0
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x90
;;   0x2d    local.get 0                   [i32:local 0]
;;   0x2f    i32.const 100                 [i32:local 0, i32:const 100]
;;   0x32    i32.add                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  add ebx, 0x64
;;   0x33    local.get 0                   [i32:ebx, i32:local 0]
;;   0x35    i64.const 2                   [i32:ebx, i32:local 0, i64:const 2]
;;   0x37    f32.const 0x1.8p+1 (;=3;)     [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0]
;;   0x3c    f64.const 0x1p+2 (;=4;)       [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0]
;;   0x45    i32.const 5                   [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5]
;;   0x47    i32.const 6                   [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6]
;;   0x49    i32.const 7                   [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7]
;;   0x4b    i32.const 8                   [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8]
;;   0x4d    i32.const 9                   [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9]
;;   0x4f    local.get 0                   [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9, i32:local 0]
;;   0x51    i32.const 10                  [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9, i32:local 0, i32:const 10]
;;   0x53    i32.mul                       [i32:ebx, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9, i32:esi]
;;             0021  mov esi, [rbp+0x10]
;;             0024  imul esi, 0xa
;;   0x54    call $callee                  [i32:spill fp-32, i32:ebx]
;;             0028  mov rax, [rbp+0x10]
;;             002c  mov [rsp], rax
;;             0030  mov qword ptr [rsp+8], 2
;;             0039  mov dword ptr [rsp+0x10], 0x40400000
;;             0041  mov rax, 0x4010000000000000
;;             004b  mov [rsp+0x18], rax
;;             0050  mov dword ptr [rsp+0x20], 5
;;             0058  mov dword ptr [rsp+0x28], 6
;;             0060  mov dword ptr [rsp+0x30], 7
;;             0068  mov dword ptr [rsp+0x38], 8
;;             0070  mov dword ptr [rsp+0x40], 9
;;             0078  mov [rsp+0x48], esi
;;             007c  mov [rbp-0x20], ebx
;;             007f  call <func 0 $callee>
;;             0084  mov ebx, eax
;;   0x56    i32.add                       [i32:ebx]
;;             0086  add ebx, [rbp-0x20]
;;   0x57    end                           (returned)
;;             0089  mov eax, ebx
;;             008b  mov rsp, rbp
;;             008e  pop rbp
;;             008f  ret
;;           out-of-line stubs
;;             0090  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $callee (param i32 i64 f32 f64 i32 i32 i32 i32 i32 i32) (result i32): 60 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x10
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x38
;;   0x28    local.get 9                   [i32:local 9]
;;   0x2a    end                           (returned)
;;             0028  ldr w0, [x29, #0x58]
;;             002c  mov sp, x29
;;             0030  ldp x29, x30, [sp], #0x10
;;             0034  ret
;;           out-of-line stubs
;;             0038  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 168 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0xc0
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0xa4
;;   0x2d    local.get 0                   [i32:local 0]
;;   0x2f    i32.const 100                 [i32:local 0, i32:const 100]
;;   0x32    i32.add                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  add w0, w0, #0x64
;;   0x33    local.get 0                   [i32:w0, i32:local 0]
;;   0x35    i64.const 2                   [i32:w0, i32:local 0, i64:const 2]
;;   0x37    f32.const 0x1.8p+1 (;=3;)     [i32:w0, i32:local 0, i64:const 2, f32:const 3.0]
;;   0x3c    f64.const 0x1p+2 (;=4;)       [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0]
;;   0x45    i32.const 5                   [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5]
;;   0x47    i32.const 6                   [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6]
;;   0x49    i32.const 7                   [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7]
;;   0x4b    i32.const 8                   [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8]
;;   0x4d    i32.const 9                   [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9]
;;   0x4f    local.get 0                   [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9, i32:local 0]
;;   0x51    i32.const 10                  [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9, i32:local 0, i32:const 10]
;;   0x53    i32.mul                       [i32:w0, i32:local 0, i64:const 2, f32:const 3.0, f64:const 4.0, i32:const 5, i32:const 6, i32:const 7, i32:const 8, i32:const 9, i32:w1]
;;             0030  ldr w1, [x29, #0x10]
;;             0034  mov w17, #0xa
;;             0038  mul w1, w1, w17
;;   0x54    call $callee                  [i32:spill fp-16, i32:w0]
;;             003c  ldr x17, [x29, #0x10]
;;             0040  str w17, [sp]
;;             0044  mov x17, #0x2
;;             0048  str x17, [sp, #0x8]
;;             004c  mov w17, #0x40400000
;;             0050  str w17, [sp, #0x10]
;;             0054  mov x17, #0x4010000000000000
;;             0058  str x17, [sp, #0x18]
;;             005c  mov w17, #0x5
;;             0060  str w17, [sp, #0x20]
;;             0064  mov w17, #0x6
;;             0068  str w17, [sp, #0x28]
;;             006c  mov w17, #0x7
;;             0070  str w17, [sp, #0x30]
;;             0074  mov w17, #0x8
;;             0078  str w17, [sp, #0x38]
;;             007c  mov w17, #0x9
;;             0080  str w17, [sp, #0x40]
;;             0084  str w1, [sp, #0x48]
;;             0088  stur w0, [x29, #-0x10]
;;             008c  bl <func 0 $callee>
;;   0x56    i32.add                       [i32:w0]
;;             0090  ldur w17, [x29, #-0x10]
;;             0094  add w0, w0, w17
;;   0x57    end                           (returned)
;;             0098  mov sp, x29
;;             009c  ldp x29, x30, [sp], #0x10
;;             00a0  ret
;;           out-of-line stubs
;;             00a4  udf #0x0  ; trap: call stack exhausted
