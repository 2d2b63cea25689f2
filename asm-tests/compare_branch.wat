;; targets: x86_64 aarch64
;;
;; A comparison whose only use is a branch is fused with it: the compiler
;; holds `i32.lt_s` back for one operator (its stack entry shows
;; `pending`), and `br_if` / `if` emit one compare and one conditional
;; jump, with no 0/1 value in between. A comparison used as a value is
;; emitted as `cmp` + `setcc` (x86-64) or `cmp` + `cset` (aarch64).

(module
  (func (param i32) (result i32)
    (block $out
      (loop $again
        (br_if $out (i32.ge_s (local.get 0) (i32.const 100)))
        (local.set 0 (i32.add (local.get 0) (i32.const 7)))
        (br $again)))
    (local.get 0))
  (func (param i64 i64) (result i32)
    (if (result i32) (i64.lt_u (local.get 0) (local.get 1))
      (then (i32.const 1))
      (else (i32.const 2))))
  (func (param i32 i32) (result i32)
    (i32.gt_u (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 60 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3a
;;   0x27    block $out                    []
;;   0x29      loop $again                 []
;;   0x2b        local.get 0               [i32:local 0]
;;   0x2d        i32.const 100             [i32:local 0, i32:const 100]
;;   0x30        i32.ge_s                  [i32:pending ebx GeS 100]
;;             001b  mov ebx, [rbp+0x10]
;;   0x31        br_if $out                []
;;             001e  cmp ebx, 0x64
;;             0021  jge 0x32
;;   0x33        local.get 0               [i32:local 0]
;;   0x35        i32.const 7               [i32:local 0, i32:const 7]
;;   0x37        i32.add                   [i32:ebx]
;;             0027  mov ebx, [rbp+0x10]
;;             002a  add ebx, 7
;;   0x38        local.set 0               []
;;             002d  mov [rbp+0x10], ebx
;;   0x3a        br $again                 (unreachable)
;;             0030  jmp 0x1b
;;   0x3c      end                         (unreachable)
;;   0x3d    end                           []
;;   0x3e    local.get 0                   [i32:local 0]
;;   0x40    end                           (returned)
;;             0032  mov eax, [rbp+0x10]
;;             0035  mov rsp, rbp
;;             0038  pop rbp
;;             0039  ret
;;           out-of-line stubs
;;             003a  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i64 i64) (result i32): 67 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x41
;;   0x43    local.get 0                   [i64:local 0]
;;   0x45    local.get 1                   [i64:local 0, i64:local 1]
;;   0x47    i64.lt_u                      [i32:pending rbx LtU [fp+24]]
;;             001b  mov rbx, [rbp+0x10]
;;   0x48    if (result i32)               []
;;             001f  cmp rbx, [rbp+0x18]
;;             0023  jae 0x34
;;   0x4a      i32.const 1                 [i32:const 1]
;;   0x4c    else                          []
;;             0029  mov ebx, 1
;;             002f  jmp 0x3a
;;   0x4d      i32.const 2                 [i32:const 2]
;;   0x4f    end                           [i32:ebx]
;;             0034  mov ebx, 2
;;   0x50    end                           (returned)
;;             003a  mov eax, ebx
;;             003c  mov rsp, rbp
;;             003f  pop rbp
;;             0040  ret
;;           out-of-line stubs
;;             0041  ud2  ; trap: call stack exhausted
;;
;; func 2 (param i32 i32) (result i32): 49 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2f
;;   0x53    local.get 0                   [i32:local 0]
;;   0x55    local.get 1                   [i32:local 0, i32:local 1]
;;   0x57    i32.gt_u                      [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  cmp ebx, [rbp+0x18]
;;             0021  seta al
;;             0024  movzx ebx, al
;;   0x58    end                           (returned)
;;             0028  mov eax, ebx
;;             002a  mov rsp, rbp
;;             002d  pop rbp
;;             002e  ret
;;           out-of-line stubs
;;             002f  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 88 bytes of aarch64
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
;;             0024  b.lo 0x54
;;   0x27    block $out                    []
;;   0x29      loop $again                 []
;;   0x2b        local.get 0               [i32:local 0]
;;   0x2d        i32.const 100             [i32:local 0, i32:const 100]
;;   0x30        i32.ge_s                  [i32:pending w0 GeS 100]
;;             0028  ldr w0, [x29, #0x10]
;;   0x31        br_if $out                []
;;             002c  cmp w0, #0x64
;;             0030  b.ge 0x44
;;   0x33        local.get 0               [i32:local 0]
;;   0x35        i32.const 7               [i32:local 0, i32:const 7]
;;   0x37        i32.add                   [i32:w0]
;;             0034  ldr w0, [x29, #0x10]
;;             0038  add w0, w0, #0x7
;;   0x38        local.set 0               []
;;             003c  str w0, [x29, #0x10]
;;   0x3a        br $again                 (unreachable)
;;             0040  b 0x28
;;   0x3c      end                         (unreachable)
;;   0x3d    end                           []
;;   0x3e    local.get 0                   [i32:local 0]
;;   0x40    end                           (returned)
;;             0044  ldr w0, [x29, #0x10]
;;             0048  mov sp, x29
;;             004c  ldp x29, x30, [sp], #0x10
;;             0050  ret
;;           out-of-line stubs
;;             0054  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i64 i64) (result i32): 84 bytes of aarch64
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
;;             0024  b.lo 0x50
;;   0x43    local.get 0                   [i64:local 0]
;;   0x45    local.get 1                   [i64:local 0, i64:local 1]
;;   0x47    i64.lt_u                      [i32:pending x0 LtU [fp+24]]
;;             0028  ldr x0, [x29, #0x10]
;;   0x48    if (result i32)               []
;;             002c  ldr x17, [x29, #0x18]
;;             0030  cmp x0, x17
;;             0034  b.hs 0x40
;;   0x4a      i32.const 1                 [i32:const 1]
;;   0x4c    else                          []
;;             0038  mov w0, #0x1
;;             003c  b 0x44
;;   0x4d      i32.const 2                 [i32:const 2]
;;   0x4f    end                           [i32:w0]
;;             0040  mov w0, #0x2
;;   0x50    end                           (returned)
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param i32 i32) (result i32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x53    local.get 0                   [i32:local 0]
;;   0x55    local.get 1                   [i32:local 0, i32:local 1]
;;   0x57    i32.gt_u                      [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  cmp w0, w17
;;             0034  cset w0, hi
;;   0x58    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
