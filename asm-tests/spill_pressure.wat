;; targets: x86_64 aarch64
;;
;; Register pressure: more live values than allocatable registers. The
;; allocator spills the deepest register-held value, one at a time, to its
;; depth's fixed frame slot (`spill fp-N` on the stack line). x86-64 has 8
;; integer registers to allocate, aarch64 23.

(module
  (func (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 1))
    (i32.add (local.get 0) (i32.const 2))
    (i32.add (local.get 0) (i32.const 3))
    (i32.add (local.get 0) (i32.const 4))
    (i32.add (local.get 0) (i32.const 5))
    (i32.add (local.get 0) (i32.const 6))
    (i32.add (local.get 0) (i32.const 7))
    (i32.add (local.get 0) (i32.const 8))
    (i32.add (local.get 0) (i32.const 9))
    (i32.add (local.get 0) (i32.const 10))
    (i32.add (local.get 0) (i32.const 11))
    (i32.add (local.get 0) (i32.const 12))
    (i32.add (local.get 0) (i32.const 13))
    (i32.add (local.get 0) (i32.const 14))
    (i32.add (local.get 0) (i32.const 15))
    (i32.add (local.get 0) (i32.const 16))
    (i32.add (local.get 0) (i32.const 17))
    (i32.add (local.get 0) (i32.const 18))
    (i32.add (local.get 0) (i32.const 19))
    (i32.add (local.get 0) (i32.const 20))
    (i32.add (local.get 0) (i32.const 21))
    (i32.add (local.get 0) (i32.const 22))
    (i32.add (local.get 0) (i32.const 23))
    (i32.add (local.get 0) (i32.const 24))
    (i32.add (local.get 0) (i32.const 25))
    i32.add i32.add i32.add i32.add i32.add i32.add i32.add i32.add
    i32.add i32.add i32.add i32.add i32.add i32.add i32.add i32.add
    i32.add i32.add i32.add i32.add i32.add i32.add i32.add i32.add))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 360 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0xe0
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x166
;;   0x1b    local.get 0                   [i32:local 0]
;;   0x1d    i32.const 1                   [i32:local 0, i32:const 1]
;;   0x1f    i32.add                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  add ebx, 1
;;   0x20    local.get 0                   [i32:ebx, i32:local 0]
;;   0x22    i32.const 2                   [i32:ebx, i32:local 0, i32:const 2]
;;   0x24    i32.add                       [i32:ebx, i32:esi]
;;             0021  mov esi, [rbp+0x10]
;;             0024  add esi, 2
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.const 3                   [i32:ebx, i32:esi, i32:local 0, i32:const 3]
;;   0x29    i32.add                       [i32:ebx, i32:esi, i32:edi]
;;             0027  mov edi, [rbp+0x10]
;;             002a  add edi, 3
;;   0x2a    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:local 0]
;;   0x2c    i32.const 4                   [i32:ebx, i32:esi, i32:edi, i32:local 0, i32:const 4]
;;   0x2e    i32.add                       [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             002d  mov r8d, [rbp+0x10]
;;             0031  add r8d, 4
;;   0x2f    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0]
;;   0x31    i32.const 5                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0, i32:const 5]
;;   0x33    i32.add                       [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             0035  mov r9d, [rbp+0x10]
;;             0039  add r9d, 5
;;   0x34    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0]
;;   0x36    i32.const 6                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0, i32:const 6]
;;   0x38    i32.add                       [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;             003d  mov r10d, [rbp+0x10]
;;             0041  add r10d, 6
;;   0x39    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0]
;;   0x3b    i32.const 7                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0, i32:const 7]
;;   0x3d    i32.add                       [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d]
;;             0045  mov r12d, [rbp+0x10]
;;             0049  add r12d, 7
;;   0x3e    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:local 0]
;;   0x40    i32.const 8                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:local 0, i32:const 8]
;;   0x42    i32.add                       [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d]
;;             004d  mov r13d, [rbp+0x10]
;;             0051  add r13d, 8
;;   0x43    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:local 0]
;;   0x45    i32.const 9                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:local 0, i32:const 9]
;;   0x47    i32.add                       [i32:spill fp-16, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx]
;;             0055  mov [rbp-0x10], ebx
;;             0058  mov ebx, [rbp+0x10]
;;             005b  add ebx, 9
;;   0x48    local.get 0                   [i32:spill fp-16, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:local 0]
;;   0x4a    i32.const 10                  [i32:spill fp-16, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:local 0, i32:const 10]
;;   0x4c    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi]
;;             005e  mov [rbp-0x18], esi
;;             0061  mov esi, [rbp+0x10]
;;             0064  add esi, 0xa
;;   0x4d    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:local 0]
;;   0x4f    i32.const 11                  [i32:spill fp-16, i32:spill fp-24, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:local 0, i32:const 11]
;;   0x51    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi]
;;             0067  mov [rbp-0x20], edi
;;             006a  mov edi, [rbp+0x10]
;;             006d  add edi, 0xb
;;   0x52    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:local 0]
;;   0x54    i32.const 12                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:local 0, i32:const 12]
;;   0x56    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             0070  mov [rbp-0x28], r8d
;;             0074  mov r8d, [rbp+0x10]
;;             0078  add r8d, 0xc
;;   0x57    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0]
;;   0x59    i32.const 13                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0, i32:const 13]
;;   0x5b    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             007c  mov [rbp-0x30], r9d
;;             0080  mov r9d, [rbp+0x10]
;;             0084  add r9d, 0xd
;;   0x5c    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0]
;;   0x5e    i32.const 14                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0, i32:const 14]
;;   0x60    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;             0088  mov [rbp-0x38], r10d
;;             008c  mov r10d, [rbp+0x10]
;;             0090  add r10d, 0xe
;;   0x61    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0]
;;   0x63    i32.const 15                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0, i32:const 15]
;;   0x65    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d]
;;             0094  mov [rbp-0x40], r12d
;;             0098  mov r12d, [rbp+0x10]
;;             009c  add r12d, 0xf
;;   0x66    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:local 0]
;;   0x68    i32.const 16                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:local 0, i32:const 16]
;;   0x6a    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d]
;;             00a0  mov [rbp-0x48], r13d
;;             00a4  mov r13d, [rbp+0x10]
;;             00a8  add r13d, 0x10
;;   0x6b    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:local 0]
;;   0x6d    i32.const 17                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:local 0, i32:const 17]
;;   0x6f    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx]
;;             00ac  mov [rbp-0x50], ebx
;;             00af  mov ebx, [rbp+0x10]
;;             00b2  add ebx, 0x11
;;   0x70    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:local 0]
;;   0x72    i32.const 18                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:local 0, i32:const 18]
;;   0x74    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi]
;;             00b5  mov [rbp-0x58], esi
;;             00b8  mov esi, [rbp+0x10]
;;             00bb  add esi, 0x12
;;   0x75    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:local 0]
;;   0x77    i32.const 19                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:local 0, i32:const 19]
;;   0x79    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi]
;;             00be  mov [rbp-0x60], edi
;;             00c1  mov edi, [rbp+0x10]
;;             00c4  add edi, 0x13
;;   0x7a    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:local 0]
;;   0x7c    i32.const 20                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:local 0, i32:const 20]
;;   0x7e    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             00c7  mov [rbp-0x68], r8d
;;             00cb  mov r8d, [rbp+0x10]
;;             00cf  add r8d, 0x14
;;   0x7f    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0]
;;   0x81    i32.const 21                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0, i32:const 21]
;;   0x83    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             00d3  mov [rbp-0x70], r9d
;;             00d7  mov r9d, [rbp+0x10]
;;             00db  add r9d, 0x15
;;   0x84    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0]
;;   0x86    i32.const 22                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:r10d, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0, i32:const 22]
;;   0x88    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;             00df  mov [rbp-0x78], r10d
;;             00e3  mov r10d, [rbp+0x10]
;;             00e7  add r10d, 0x16
;;   0x89    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0]
;;   0x8b    i32.const 23                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:r12d, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0, i32:const 23]
;;   0x8d    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d]
;;             00eb  mov [rbp-0x80], r12d
;;             00ef  mov r12d, [rbp+0x10]
;;             00f3  add r12d, 0x17
;;   0x8e    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:local 0]
;;   0x90    i32.const 24                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:r13d, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:local 0, i32:const 24]
;;   0x92    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d]
;;             00f7  mov [rbp-0x88], r13d
;;             00fe  mov r13d, [rbp+0x10]
;;             0102  add r13d, 0x18
;;   0x93    local.get 0                   [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:local 0]
;;   0x95    i32.const 25                  [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:local 0, i32:const 25]
;;   0x97    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d, i32:ebx]
;;             0106  mov [rbp-0x90], ebx
;;             010c  mov ebx, [rbp+0x10]
;;             010f  add ebx, 0x19
;;   0x98    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d, i32:r13d]
;;             0112  add r13d, ebx
;;   0x99    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d]
;;             0115  add r12d, r13d
;;   0x9a    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;             0118  add r10d, r12d
;;   0x9b    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             011b  add r9d, r10d
;;   0x9c    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi, i32:r8d]
;;             011e  add r8d, r9d
;;   0x9d    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi, i32:edi]
;;             0121  add edi, r8d
;;   0x9e    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:spill fp-144, i32:esi]
;;             0124  add esi, edi
;;   0x9f    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:spill fp-136, i32:esi]
;;             0126  add esi, [rbp-0x90]
;;   0xa0    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:spill fp-128, i32:esi]
;;             012c  add esi, [rbp-0x88]
;;   0xa1    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:spill fp-120, i32:esi]
;;             0132  add esi, [rbp-0x80]
;;   0xa2    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:spill fp-112, i32:esi]
;;             0135  add esi, [rbp-0x78]
;;   0xa3    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:spill fp-104, i32:esi]
;;             0138  add esi, [rbp-0x70]
;;   0xa4    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:spill fp-96, i32:esi]
;;             013b  add esi, [rbp-0x68]
;;   0xa5    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:spill fp-88, i32:esi]
;;             013e  add esi, [rbp-0x60]
;;   0xa6    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:spill fp-80, i32:esi]
;;             0141  add esi, [rbp-0x58]
;;   0xa7    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:spill fp-72, i32:esi]
;;             0144  add esi, [rbp-0x50]
;;   0xa8    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:spill fp-64, i32:esi]
;;             0147  add esi, [rbp-0x48]
;;   0xa9    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:spill fp-56, i32:esi]
;;             014a  add esi, [rbp-0x40]
;;   0xaa    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:spill fp-48, i32:esi]
;;             014d  add esi, [rbp-0x38]
;;   0xab    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:spill fp-40, i32:esi]
;;             0150  add esi, [rbp-0x30]
;;   0xac    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:spill fp-32, i32:esi]
;;             0153  add esi, [rbp-0x28]
;;   0xad    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:esi]
;;             0156  add esi, [rbp-0x20]
;;   0xae    i32.add                       [i32:spill fp-16, i32:esi]
;;             0159  add esi, [rbp-0x18]
;;   0xaf    i32.add                       [i32:esi]
;;             015c  add esi, [rbp-0x10]
;;   0xb0    end                           (returned)
;;             015f  mov eax, esi
;;             0161  mov rsp, rbp
;;             0164  pop rbp
;;             0165  ret
;;           out-of-line stubs
;;             0166  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 372 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0xe0
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x170
;;   0x1b    local.get 0                   [i32:local 0]
;;   0x1d    i32.const 1                   [i32:local 0, i32:const 1]
;;   0x1f    i32.add                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  add w0, w0, #0x1
;;   0x20    local.get 0                   [i32:w0, i32:local 0]
;;   0x22    i32.const 2                   [i32:w0, i32:local 0, i32:const 2]
;;   0x24    i32.add                       [i32:w0, i32:w1]
;;             0030  ldr w1, [x29, #0x10]
;;             0034  add w1, w1, #0x2
;;   0x25    local.get 0                   [i32:w0, i32:w1, i32:local 0]
;;   0x27    i32.const 3                   [i32:w0, i32:w1, i32:local 0, i32:const 3]
;;   0x29    i32.add                       [i32:w0, i32:w1, i32:w2]
;;             0038  ldr w2, [x29, #0x10]
;;             003c  add w2, w2, #0x3
;;   0x2a    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:local 0]
;;   0x2c    i32.const 4                   [i32:w0, i32:w1, i32:w2, i32:local 0, i32:const 4]
;;   0x2e    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3]
;;             0040  ldr w3, [x29, #0x10]
;;             0044  add w3, w3, #0x4
;;   0x2f    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:local 0]
;;   0x31    i32.const 5                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:local 0, i32:const 5]
;;   0x33    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4]
;;             0048  ldr w4, [x29, #0x10]
;;             004c  add w4, w4, #0x5
;;   0x34    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:local 0]
;;   0x36    i32.const 6                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:local 0, i32:const 6]
;;   0x38    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5]
;;             0050  ldr w5, [x29, #0x10]
;;             0054  add w5, w5, #0x6
;;   0x39    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:local 0]
;;   0x3b    i32.const 7                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:local 0, i32:const 7]
;;   0x3d    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6]
;;             0058  ldr w6, [x29, #0x10]
;;             005c  add w6, w6, #0x7
;;   0x3e    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:local 0]
;;   0x40    i32.const 8                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:local 0, i32:const 8]
;;   0x42    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7]
;;             0060  ldr w7, [x29, #0x10]
;;             0064  add w7, w7, #0x8
;;   0x43    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:local 0]
;;   0x45    i32.const 9                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:local 0, i32:const 9]
;;   0x47    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8]
;;             0068  ldr w8, [x29, #0x10]
;;             006c  add w8, w8, #0x9
;;   0x48    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:local 0]
;;   0x4a    i32.const 10                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:local 0, i32:const 10]
;;   0x4c    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9]
;;             0070  ldr w9, [x29, #0x10]
;;             0074  add w9, w9, #0xa
;;   0x4d    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:local 0]
;;   0x4f    i32.const 11                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:local 0, i32:const 11]
;;   0x51    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10]
;;             0078  ldr w10, [x29, #0x10]
;;             007c  add w10, w10, #0xb
;;   0x52    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:local 0]
;;   0x54    i32.const 12                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:local 0, i32:const 12]
;;   0x56    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11]
;;             0080  ldr w11, [x29, #0x10]
;;             0084  add w11, w11, #0xc
;;   0x57    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:local 0]
;;   0x59    i32.const 13                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:local 0, i32:const 13]
;;   0x5b    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12]
;;             0088  ldr w12, [x29, #0x10]
;;             008c  add w12, w12, #0xd
;;   0x5c    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:local 0]
;;   0x5e    i32.const 14                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:local 0, i32:const 14]
;;   0x60    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13]
;;             0090  ldr w13, [x29, #0x10]
;;             0094  add w13, w13, #0xe
;;   0x61    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:local 0]
;;   0x63    i32.const 15                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:local 0, i32:const 15]
;;   0x65    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14]
;;             0098  ldr w14, [x29, #0x10]
;;             009c  add w14, w14, #0xf
;;   0x66    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:local 0]
;;   0x68    i32.const 16                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:local 0, i32:const 16]
;;   0x6a    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19]
;;             00a0  ldr w19, [x29, #0x10]
;;             00a4  add w19, w19, #0x10
;;   0x6b    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:local 0]
;;   0x6d    i32.const 17                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:local 0, i32:const 17]
;;   0x6f    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20]
;;             00a8  ldr w20, [x29, #0x10]
;;             00ac  add w20, w20, #0x11
;;   0x70    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:local 0]
;;   0x72    i32.const 18                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:local 0, i32:const 18]
;;   0x74    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21]
;;             00b0  ldr w21, [x29, #0x10]
;;             00b4  add w21, w21, #0x12
;;   0x75    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:local 0]
;;   0x77    i32.const 19                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:local 0, i32:const 19]
;;   0x79    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22]
;;             00b8  ldr w22, [x29, #0x10]
;;             00bc  add w22, w22, #0x13
;;   0x7a    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:local 0]
;;   0x7c    i32.const 20                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:local 0, i32:const 20]
;;   0x7e    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23]
;;             00c0  ldr w23, [x29, #0x10]
;;             00c4  add w23, w23, #0x14
;;   0x7f    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:local 0]
;;   0x81    i32.const 21                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:local 0, i32:const 21]
;;   0x83    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24]
;;             00c8  ldr w24, [x29, #0x10]
;;             00cc  add w24, w24, #0x15
;;   0x84    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:local 0]
;;   0x86    i32.const 22                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:local 0, i32:const 22]
;;   0x88    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25]
;;             00d0  ldr w25, [x29, #0x10]
;;             00d4  add w25, w25, #0x16
;;   0x89    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:local 0]
;;   0x8b    i32.const 23                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:local 0, i32:const 23]
;;   0x8d    i32.add                       [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26]
;;             00d8  ldr w26, [x29, #0x10]
;;             00dc  add w26, w26, #0x17
;;   0x8e    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:local 0]
;;   0x90    i32.const 24                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:local 0, i32:const 24]
;;   0x92    i32.add                       [i32:spill fp-16, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:w0]
;;             00e0  stur w0, [x29, #-0x10]
;;             00e4  ldr w0, [x29, #0x10]
;;             00e8  add w0, w0, #0x18
;;   0x93    local.get 0                   [i32:spill fp-16, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:w0, i32:local 0]
;;   0x95    i32.const 25                  [i32:spill fp-16, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:w0, i32:local 0, i32:const 25]
;;   0x97    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:w0, i32:w1]
;;             00ec  stur w1, [x29, #-0x18]
;;             00f0  ldr w1, [x29, #0x10]
;;             00f4  add w1, w1, #0x19
;;   0x98    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26, i32:w0]
;;             00f8  add w0, w0, w1
;;   0x99    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25, i32:w26]
;;             00fc  add w26, w26, w0
;;   0x9a    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24, i32:w25]
;;             0100  add w25, w25, w26
;;   0x9b    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23, i32:w24]
;;             0104  add w24, w24, w25
;;   0x9c    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22, i32:w23]
;;             0108  add w23, w23, w24
;;   0x9d    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21, i32:w22]
;;             010c  add w22, w22, w23
;;   0x9e    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20, i32:w21]
;;             0110  add w21, w21, w22
;;   0x9f    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19, i32:w20]
;;             0114  add w20, w20, w21
;;   0xa0    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14, i32:w19]
;;             0118  add w19, w19, w20
;;   0xa1    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13, i32:w14]
;;             011c  add w14, w14, w19
;;   0xa2    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12, i32:w13]
;;             0120  add w13, w13, w14
;;   0xa3    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11, i32:w12]
;;             0124  add w12, w12, w13
;;   0xa4    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10, i32:w11]
;;             0128  add w11, w11, w12
;;   0xa5    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9, i32:w10]
;;             012c  add w10, w10, w11
;;   0xa6    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8, i32:w9]
;;             0130  add w9, w9, w10
;;   0xa7    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7, i32:w8]
;;             0134  add w8, w8, w9
;;   0xa8    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6, i32:w7]
;;             0138  add w7, w7, w8
;;   0xa9    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6]
;;             013c  add w6, w6, w7
;;   0xaa    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4, i32:w5]
;;             0140  add w5, w5, w6
;;   0xab    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3, i32:w4]
;;             0144  add w4, w4, w5
;;   0xac    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2, i32:w3]
;;             0148  add w3, w3, w4
;;   0xad    i32.add                       [i32:spill fp-16, i32:spill fp-24, i32:w2]
;;             014c  add w2, w2, w3
;;   0xae    i32.add                       [i32:spill fp-16, i32:w2]
;;             0150  ldur w17, [x29, #-0x18]
;;             0154  add w2, w2, w17
;;   0xaf    i32.add                       [i32:w2]
;;             0158  ldur w17, [x29, #-0x10]
;;             015c  add w2, w2, w17
;;   0xb0    end                           (returned)
;;             0160  mov w0, w2
;;             0164  mov sp, x29
;;             0168  ldp x29, x30, [sp], #0x10
;;             016c  ret
;;           out-of-line stubs
;;             0170  udf #0x0  ; trap: call stack exhausted
