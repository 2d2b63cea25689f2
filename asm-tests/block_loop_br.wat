;; targets: x86_64 aarch64
;;
;; Blocks and loops: `br_if` out of a block, `br` back to a loop head.
;; Labels are bound where their code starts; no code for `block` itself.

(module
  (func (param i32) (result i32) (local i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $top)))
    (local.get 1)))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 74 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x48
;;             001b  xor eax, eax
;;             001d  mov [rbp-0x10], rax
;;   0x1b    block $exit                   []
;;   0x1d      loop $top                   []
;;   0x1f        local.get 0               [i32:local 0]
;;   0x21        i32.eqz                   [i32:pending ebx Eq 0]
;;             0021  mov ebx, [rbp+0x10]
;;   0x22        br_if $exit               []
;;             0024  test ebx, ebx
;;             0026  je 0x40
;;   0x24        local.get 1               [i32:local 1]
;;   0x26        local.get 0               [i32:local 1, i32:local 0]
;;   0x28        i32.add                   [i32:ebx]
;;             002c  mov ebx, [rbp-0x10]
;;             002f  add ebx, [rbp+0x10]
;;   0x29        local.set 1               []
;;             0032  mov [rbp-0x10], ebx
;;   0x2b        local.get 0               [i32:local 0]
;;   0x2d        i32.const 1               [i32:local 0, i32:const 1]
;;   0x2f        i32.sub                   [i32:ebx]
;;             0035  mov ebx, [rbp+0x10]
;;             0038  sub ebx, 1
;;   0x30        local.set 0               []
;;             003b  mov [rbp+0x10], ebx
;;   0x32        br $top                   (unreachable)
;;             003e  jmp 0x21
;;   0x34      end                         (unreachable)
;;   0x35    end                           []
;;   0x36    local.get 1                   [i32:local 1]
;;   0x38    end                           (returned)
;;             0040  mov eax, [rbp-0x10]
;;             0043  mov rsp, rbp
;;             0046  pop rbp
;;             0047  ret
;;           out-of-line stubs
;;             0048  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 104 bytes of aarch64
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
;;             0028  stur xzr, [x29, #-0x10]
;;   0x1b    block $exit                   []
;;   0x1d      loop $top                   []
;;   0x1f        local.get 0               [i32:local 0]
;;   0x21        i32.eqz                   [i32:pending w0 Eq 0]
;;             002c  ldr w0, [x29, #0x10]
;;   0x22        br_if $exit               []
;;             0030  cbz w0, 0x54
;;   0x24        local.get 1               [i32:local 1]
;;   0x26        local.get 0               [i32:local 1, i32:local 0]
;;   0x28        i32.add                   [i32:w0]
;;             0034  ldur w0, [x29, #-0x10]
;;             0038  ldr w17, [x29, #0x10]
;;             003c  add w0, w0, w17
;;   0x29        local.set 1               []
;;             0040  stur w0, [x29, #-0x10]
;;   0x2b        local.get 0               [i32:local 0]
;;   0x2d        i32.const 1               [i32:local 0, i32:const 1]
;;   0x2f        i32.sub                   [i32:w0]
;;             0044  ldr w0, [x29, #0x10]
;;             0048  sub w0, w0, #0x1
;;   0x30        local.set 0               []
;;             004c  str w0, [x29, #0x10]
;;   0x32        br $top                   (unreachable)
;;             0050  b 0x2c
;;   0x34      end                         (unreachable)
;;   0x35    end                           []
;;   0x36    local.get 1                   [i32:local 1]
;;   0x38    end                           (returned)
;;             0054  ldur w0, [x29, #-0x10]
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
