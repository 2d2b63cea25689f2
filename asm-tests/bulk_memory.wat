;; targets: x86_64 aarch64
;;
;; Bulk memory operators are runtime builtins: operands go to the
;; outgoing area and the builtin is called with the C ABI.

(module
  (memory 1)
  (data $d "hello")
  (func (param i32 i32 i32)
    (memory.copy (local.get 0) (local.get 1) (local.get 2))
    (memory.fill (local.get 0) (i32.const 0) (i32.const 16))
    (memory.init $d (local.get 1) (i32.const 0) (i32.const 5))
    (data.drop $d)))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32 i32): 247 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x50
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xf5
;;   0x22    local.get 0                   [i32:local 0]
;;   0x24    local.get 1                   [i32:local 0, i32:local 1]
;;   0x26    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x28    memory.copy                   []
;;             001b  mov qword ptr [rsp], 0
;;             0023  mov qword ptr [rsp+8], 0
;;             002c  mov rax, [rbp+0x10]
;;             0030  mov [rsp+0x10], rax
;;             0035  mov rax, [rbp+0x18]
;;             0039  mov [rsp+0x18], rax
;;             003e  mov rax, [rbp+0x20]
;;             0042  mov [rsp+0x20], rax
;;             0047  mov rsi, rsp
;;             004a  mov rdi, r14
;;             004d  call qword ptr [r14+0x30]
;;             0051  mov r15, [r14+8]
;;             0055  test eax, eax
;;             0057  je 0x5f
;;             005d  ud2  ; trap: out of bounds memory access
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    i32.const 0                   [i32:local 0, i32:const 0]
;;   0x30    i32.const 16                  [i32:local 0, i32:const 0, i32:const 16]
;;   0x32    memory.fill                   []
;;             005f  mov qword ptr [rsp], 0
;;             0067  mov rax, [rbp+0x10]
;;             006b  mov [rsp+8], rax
;;             0070  mov dword ptr [rsp+0x10], 0
;;             0078  mov dword ptr [rsp+0x18], 0x10
;;             0080  mov rsi, rsp
;;             0083  mov rdi, r14
;;             0086  call qword ptr [r14+0x38]
;;             008a  mov r15, [r14+8]
;;             008e  test eax, eax
;;             0090  je 0x98
;;             0096  ud2  ; trap: out of bounds memory access
;;   0x35    local.get 1                   [i32:local 1]
;;   0x37    i32.const 0                   [i32:local 1, i32:const 0]
;;   0x39    i32.const 5                   [i32:local 1, i32:const 0, i32:const 5]
;;   0x3b    memory.init $d                []
;;             0098  mov qword ptr [rsp], 0
;;             00a0  mov qword ptr [rsp+8], 0
;;             00a9  mov rax, [rbp+0x18]
;;             00ad  mov [rsp+0x10], rax
;;             00b2  mov dword ptr [rsp+0x18], 0
;;             00ba  mov dword ptr [rsp+0x20], 5
;;             00c2  mov rsi, rsp
;;             00c5  mov rdi, r14
;;             00c8  call qword ptr [r14+0x40]
;;             00cc  mov r15, [r14+8]
;;             00d0  test eax, eax
;;             00d2  je 0xda
;;             00d8  ud2  ; trap: out of bounds memory access
;;   0x3f    data.drop $d                  []
;;             00da  mov qword ptr [rsp], 0
;;             00e2  mov rsi, rsp
;;             00e5  mov rdi, r14
;;             00e8  call qword ptr [r14+0x48]
;;             00ec  mov r15, [r14+8]
;;   0x42    end                           (returned)
;;             00f0  mov rsp, rbp
;;             00f3  pop rbp
;;             00f4  ret
;;           out-of-line stubs
;;             00f5  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32 i32): 248 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x50
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0xf4
;;   0x22    local.get 0                   [i32:local 0]
;;   0x24    local.get 1                   [i32:local 0, i32:local 1]
;;   0x26    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x28    memory.copy                   []
;;             0028  str xzr, [sp]
;;             002c  str xzr, [sp, #0x8]
;;             0030  ldr x17, [x29, #0x10]
;;             0034  str w17, [sp, #0x10]
;;             0038  ldr x17, [x29, #0x18]
;;             003c  str w17, [sp, #0x18]
;;             0040  ldr x17, [x29, #0x20]
;;             0044  str w17, [sp, #0x20]
;;             0048  mov x1, sp
;;             004c  ldr x16, [x28, #0x30]
;;             0050  mov x0, x28
;;             0054  blr x16
;;             0058  ldr x27, [x28, #0x8]
;;             005c  cbz w0, 0x64
;;             0060  udf #0x0  ; trap: out of bounds memory access
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    i32.const 0                   [i32:local 0, i32:const 0]
;;   0x30    i32.const 16                  [i32:local 0, i32:const 0, i32:const 16]
;;   0x32    memory.fill                   []
;;             0064  str xzr, [sp]
;;             0068  ldr x17, [x29, #0x10]
;;             006c  str w17, [sp, #0x8]
;;             0070  str wzr, [sp, #0x10]
;;             0074  mov w17, #0x10
;;             0078  str w17, [sp, #0x18]
;;             007c  mov x1, sp
;;             0080  ldr x16, [x28, #0x38]
;;             0084  mov x0, x28
;;             0088  blr x16
;;             008c  ldr x27, [x28, #0x8]
;;             0090  cbz w0, 0x98
;;             0094  udf #0x0  ; trap: out of bounds memory access
;;   0x35    local.get 1                   [i32:local 1]
;;   0x37    i32.const 0                   [i32:local 1, i32:const 0]
;;   0x39    i32.const 5                   [i32:local 1, i32:const 0, i32:const 5]
;;   0x3b    memory.init $d                []
;;             0098  str xzr, [sp]
;;             009c  str xzr, [sp, #0x8]
;;             00a0  ldr x17, [x29, #0x18]
;;             00a4  str w17, [sp, #0x10]
;;             00a8  str wzr, [sp, #0x18]
;;             00ac  mov w17, #0x5
;;             00b0  str w17, [sp, #0x20]
;;             00b4  mov x1, sp
;;             00b8  ldr x16, [x28, #0x40]
;;             00bc  mov x0, x28
;;             00c0  blr x16
;;             00c4  ldr x27, [x28, #0x8]
;;             00c8  cbz w0, 0xd0
;;             00cc  udf #0x0  ; trap: out of bounds memory access
;;   0x3f    data.drop $d                  []
;;             00d0  str xzr, [sp]
;;             00d4  mov x1, sp
;;             00d8  ldr x16, [x28, #0x48]
;;             00dc  mov x0, x28
;;             00e0  blr x16
;;             00e4  ldr x27, [x28, #0x8]
;;   0x42    end                           (returned)
;;             00e8  mov sp, x29
;;             00ec  ldp x29, x30, [sp], #0x10
;;             00f0  ret
;;           out-of-line stubs
;;             00f4  udf #0x0  ; trap: call stack exhausted
