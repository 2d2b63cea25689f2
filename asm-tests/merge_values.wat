;; targets: x86_64 aarch64
;;
;; Values meeting at a block end from different places: a constant on
;; one edge, a register on another, a local on the third. Each edge moves its
;; value into the label's canonical register. Entering the block pins the
;; value below it (a register) to its spill slot.

(module
  (func (param i32 i32) (result i32)
    (i32.mul (local.get 0) (local.get 1))   ;; a register below the block
    (block (result i32)
      (drop (br_if 0 (i32.const 7) (local.get 0)))
      (drop (br_if 0 (i32.add (local.get 0) (local.get 1)) (local.get 1)))
      (local.get 1))
    i32.add))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 91 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x59
;;   0x1a    local.get 0                   [i32:local 0]
;;   0x1c    local.get 1                   [i32:local 0, i32:local 1]
;;   0x1e    i32.mul                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  imul ebx, [rbp+0x18]
;;   0x1f    block (result i32)            [i32:spill fp-16]
;;             0022  mov [rbp-0x10], ebx
;;   0x21      i32.const 7                 [i32:spill fp-16, i32:const 7]
;;   0x23      local.get 0                 [i32:spill fp-16, i32:const 7, i32:local 0]
;;   0x25      br_if 0                     [i32:spill fp-16, i32:const 7]
;;             0025  mov ebx, [rbp+0x10]
;;             0028  test ebx, ebx
;;             002a  je 0x3b
;;             0030  mov ebx, 7
;;             0036  jmp 0x4f
;;   0x27      drop                        [i32:spill fp-16]
;;   0x28      local.get 0                 [i32:spill fp-16, i32:local 0]
;;   0x2a      local.get 1                 [i32:spill fp-16, i32:local 0, i32:local 1]
;;   0x2c      i32.add                     [i32:spill fp-16, i32:ebx]
;;             003b  mov ebx, [rbp+0x10]
;;             003e  add ebx, [rbp+0x18]
;;   0x2d      local.get 1                 [i32:spill fp-16, i32:ebx, i32:local 1]
;;   0x2f      br_if 0                     [i32:spill fp-16, i32:ebx]
;;             0041  mov esi, [rbp+0x18]
;;             0044  test esi, esi
;;             0046  jne 0x4f
;;   0x31      drop                        [i32:spill fp-16]
;;   0x32      local.get 1                 [i32:spill fp-16, i32:local 1]
;;   0x34    end                           [i32:spill fp-16, i32:ebx]
;;             004c  mov ebx, [rbp+0x18]
;;   0x35    i32.add                       [i32:ebx]
;;             004f  add ebx, [rbp-0x10]
;;   0x36    end                           (returned)
;;             0052  mov eax, ebx
;;             0054  mov rsp, rbp
;;             0057  pop rbp
;;             0058  ret
;;           out-of-line stubs
;;             0059  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 120 bytes of aarch64
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
;;             0024  b.lo 0x74
;;   0x1a    local.get 0                   [i32:local 0]
;;   0x1c    local.get 1                   [i32:local 0, i32:local 1]
;;   0x1e    i32.mul                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  mul w0, w0, w17
;;   0x1f    block (result i32)            [i32:spill fp-16]
;;             0034  stur w0, [x29, #-0x10]
;;   0x21      i32.const 7                 [i32:spill fp-16, i32:const 7]
;;   0x23      local.get 0                 [i32:spill fp-16, i32:const 7, i32:local 0]
;;   0x25      br_if 0                     [i32:spill fp-16, i32:const 7]
;;             0038  ldr w0, [x29, #0x10]
;;             003c  cbz w0, 0x48
;;             0040  mov w0, #0x7
;;             0044  b 0x60
;;   0x27      drop                        [i32:spill fp-16]
;;   0x28      local.get 0                 [i32:spill fp-16, i32:local 0]
;;   0x2a      local.get 1                 [i32:spill fp-16, i32:local 0, i32:local 1]
;;   0x2c      i32.add                     [i32:spill fp-16, i32:w0]
;;             0048  ldr w0, [x29, #0x10]
;;             004c  ldr w17, [x29, #0x18]
;;             0050  add w0, w0, w17
;;   0x2d      local.get 1                 [i32:spill fp-16, i32:w0, i32:local 1]
;;   0x2f      br_if 0                     [i32:spill fp-16, i32:w0]
;;             0054  ldr w1, [x29, #0x18]
;;             0058  cbnz w1, 0x60
;;   0x31      drop                        [i32:spill fp-16]
;;   0x32      local.get 1                 [i32:spill fp-16, i32:local 1]
;;   0x34    end                           [i32:spill fp-16, i32:w0]
;;             005c  ldr w0, [x29, #0x18]
;;   0x35    i32.add                       [i32:w0]
;;             0060  ldur w17, [x29, #-0x10]
;;             0064  add w0, w0, w17
;;   0x36    end                           (returned)
;;             0068  mov sp, x29
;;             006c  ldp x29, x30, [sp], #0x10
;;             0070  ret
;;           out-of-line stubs
;;             0074  udf #0x0  ; trap: call stack exhausted
