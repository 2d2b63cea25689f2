;; targets: x86_64 aarch64
;;
;; Shifts and rotates, by a constant (immediate) and by a register
;; (x86-64 needs the count in cl).

(module
  (func (param i32 i32) (result i32)
    (i32.shl (local.get 0) (i32.const 3))
    (i32.shr_s (local.get 1))
    (i32.shr_u (i32.const 1))
    (i32.rotl (local.get 1))
    (i32.rotr (i32.const 7))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 63 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3d
;;   0x1a    local.get 0                   [i32:local 0]
;;   0x1c    i32.const 3                   [i32:local 0, i32:const 3]
;;   0x1e    i32.shl                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  shl ebx, 3
;;   0x1f    local.get 1                   [i32:ebx, i32:local 1]
;;   0x21    i32.shr_s                     [i32:ebx]
;;             0022  mov ecx, [rbp+0x18]
;;             0025  sar ebx, cl
;;   0x22    i32.const 1                   [i32:ebx, i32:const 1]
;;   0x24    i32.shr_u                     [i32:ebx]
;;             0028  shr ebx, 1
;;   0x25    local.get 1                   [i32:ebx, i32:local 1]
;;   0x27    i32.rotl                      [i32:ebx]
;;             002c  mov ecx, [rbp+0x18]
;;             002f  rol ebx, cl
;;   0x28    i32.const 7                   [i32:ebx, i32:const 7]
;;   0x2a    i32.rotr                      [i32:ebx]
;;             0032  ror ebx, 7
;;   0x2b    end                           (returned)
;;             0036  mov eax, ebx
;;             0038  mov rsp, rbp
;;             003b  pop rbp
;;             003c  ret
;;           out-of-line stubs
;;             003d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 92 bytes of aarch64
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
;;   0x1a    local.get 0                   [i32:local 0]
;;   0x1c    i32.const 3                   [i32:local 0, i32:const 3]
;;   0x1e    i32.shl                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  lsl w0, w0, #0x3
;;   0x1f    local.get 1                   [i32:w0, i32:local 1]
;;   0x21    i32.shr_s                     [i32:w0]
;;             0030  ldr w17, [x29, #0x18]
;;             0034  asr w0, w0, w17
;;   0x22    i32.const 1                   [i32:w0, i32:const 1]
;;   0x24    i32.shr_u                     [i32:w0]
;;             0038  lsr w0, w0, #0x1
;;   0x25    local.get 1                   [i32:w0, i32:local 1]
;;   0x27    i32.rotl                      [i32:w0]
;;             003c  ldr w17, [x29, #0x18]
;;             0040  neg w17, w17
;;             0044  ror w0, w0, w17
;;   0x28    i32.const 7                   [i32:w0, i32:const 7]
;;   0x2a    i32.rotr                      [i32:w0]
;;             0048  ror w0, w0, #0x7
;;   0x2b    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
