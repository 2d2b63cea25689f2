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
;; func 0 (param i32) (result i32): 127 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7d
;;             001f  xor eax, eax
;;             0021  mov [rbp-0x10], rax
;;   0x1b    block                         []
;;   0x1d      loop                        []
;;   0x1f        local.get 0               [i32:local 0]
;;   0x21        i32.eqz                   [i32:ebx]
;;             0028  mov ebx, [rbp+0x10]
;;             002f  test ebx, ebx
;;             0032  sete al
;;             0035  movzx ebx, al
;;   0x22        br_if 1                   []
;;             0039  test ebx, ebx
;;             003c  jne 0x71
;;   0x24        local.get 1               [i32:local 1]
;;   0x26        local.get 0               [i32:local 1, i32:local 0]
;;   0x28        i32.add                   [i32:ebx]
;;             0042  mov ebx, [rbp-0x10]
;;             0049  add ebx, [rbp+0x10]
;;   0x29        local.set 1               []
;;             0050  mov [rbp-0x10], ebx
;;   0x2b        local.get 0               [i32:local 0]
;;   0x2d        i32.const 1               [i32:local 0, i32:const 1]
;;   0x2f        i32.sub                   [i32:ebx]
;;             0057  mov ebx, [rbp+0x10]
;;             005e  sub ebx, 1
;;   0x30        local.set 0               []
;;             0065  mov [rbp+0x10], ebx
;;   0x32        br 0                      (unreachable)
;;             006c  jmp 0x28
;;   0x34      end                         (unreachable)
;;   0x35    end                           []
;;   0x36    local.get 1                   [i32:local 1]
;;   0x38    end                           (returned)
;;             0071  mov eax, [rbp-0x10]
;;             0078  mov rsp, rbp
;;             007b  pop rbp
;;             007c  ret
;;           out-of-line stubs
;;             007d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 112 bytes of aarch64
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
;;             0024  b.lo 0x6c
;;             0028  stur xzr, [x29, #-0x10]
;;   0x1b    block                         []
;;   0x1d      loop                        []
;;   0x1f        local.get 0               [i32:local 0]
;;   0x21        i32.eqz                   [i32:w0]
;;             002c  ldr w0, [x29, #0x10]
;;             0030  cmp w0, #0x0
;;             0034  cset w0, eq
;;   0x22        br_if 1                   []
;;             0038  cbnz w0, 0x5c
;;   0x24        local.get 1               [i32:local 1]
;;   0x26        local.get 0               [i32:local 1, i32:local 0]
;;   0x28        i32.add                   [i32:w0]
;;             003c  ldur w0, [x29, #-0x10]
;;             0040  ldr w17, [x29, #0x10]
;;             0044  add w0, w0, w17
;;   0x29        local.set 1               []
;;             0048  stur w0, [x29, #-0x10]
;;   0x2b        local.get 0               [i32:local 0]
;;   0x2d        i32.const 1               [i32:local 0, i32:const 1]
;;   0x2f        i32.sub                   [i32:w0]
;;             004c  ldr w0, [x29, #0x10]
;;             0050  sub w0, w0, #0x1
;;   0x30        local.set 0               []
;;             0054  str w0, [x29, #0x10]
;;   0x32        br 0                      (unreachable)
;;             0058  b 0x2c
;;   0x34      end                         (unreachable)
;;   0x35    end                           []
;;   0x36    local.get 1                   [i32:local 1]
;;   0x38    end                           (returned)
;;             005c  ldur w0, [x29, #-0x10]
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
