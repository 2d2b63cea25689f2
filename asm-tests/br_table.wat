;; targets: x86_64 aarch64
;;
;; br_table: a bounds check to the default target, then an indirect
;; jump through a table of offsets (x86-64: rel32 data; aarch64: a table of
;; `b` instructions).

(module
  (func (param i32) (result i32)
    (block $d
      (block $c
        (block $b
          (block $a
            (br_table $a $b $c $d (local.get 0)))
          (return (i32.const 10)))
        (return (i32.const 11)))
      (return (i32.const 12)))
    (i32.const 13))
  (func (param i32 i32) (result i32)
    ;; a br_table carrying a value to its targets
    (block $x (result i32)
      (block $y (result i32)
        (br_table $x $y $x (local.get 1) (local.get 0)))
      (i32.const 1)
      i32.add)))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 120 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x76
;;   0x20    block $d                      []
;;   0x22      block $c                    []
;;   0x24        block $b                  []
;;   0x26          block $a                []
;;   0x28            local.get 0           [i32:local 0]
;;   0x2a            br_table $a $b $c $d  (unreachable)
;;             001b  mov ebx, [rbp+0x10]
;;             001e  cmp ebx, 3
;;             0021  jae 0x69
;;             0027  lea r11, [0x3c]
;;             002e  lea r11, [r11+rbx*4]
;;             0032  movsxd rax, [r11]
;;             0035  add rax, r11
;;             0038  jmp rax
;;             003a  nop
;;             003b  nop
;;             003c  (jump table entry) -> 0x48
;;             0040  (jump table entry) -> 0x53
;;             0044  (jump table entry) -> 0x5e
;;   0x30          end                     []
;;   0x31          i32.const 10            [i32:const 10]
;;   0x33          return                  (unreachable)
;;             0048  mov ebx, 0xa
;;             004e  jmp 0x6f
;;   0x34        end                       []
;;   0x35        i32.const 11              [i32:const 11]
;;   0x37        return                    (unreachable)
;;             0053  mov ebx, 0xb
;;             0059  jmp 0x6f
;;   0x38      end                         []
;;   0x39      i32.const 12                [i32:const 12]
;;   0x3b      return                      (unreachable)
;;             005e  mov ebx, 0xc
;;             0064  jmp 0x6f
;;   0x3c    end                           []
;;   0x3d    i32.const 13                  [i32:const 13]
;;   0x3f    end                           (returned)
;;             0069  mov ebx, 0xd
;;             006f  mov eax, ebx
;;             0071  mov rsp, rbp
;;             0074  pop rbp
;;             0075  ret
;;           out-of-line stubs
;;             0076  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32 i32) (result i32): 84 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x52
;;   0x42    block $x (result i32)         []
;;   0x44      block $y (result i32)       []
;;   0x46        local.get 1               [i32:local 1]
;;   0x48        local.get 0               [i32:local 1, i32:local 0]
;;   0x4a        br_table $x $y $x         (unreachable)
;;             001b  mov ebx, [rbp+0x18]
;;             001e  mov esi, [rbp+0x10]
;;             0021  cmp esi, 2
;;             0024  jae 0x4b
;;             002a  lea r11, [0x40]
;;             0031  lea r11, [r11+rsi*4]
;;             0035  movsxd rax, [r11]
;;             0038  add rax, r11
;;             003b  jmp rax
;;             003d  nop
;;             003e  nop
;;             003f  nop
;;             0040  (jump table entry) -> 0x4b
;;             0044  (jump table entry) -> 0x48
;;   0x4f      end                         [i32:ebx]
;;   0x50      i32.const 1                 [i32:ebx, i32:const 1]
;;   0x52      i32.add                     [i32:ebx]
;;             0048  add ebx, 1
;;   0x53    end                           [i32:ebx]
;;   0x54    end                           (returned)
;;             004b  mov eax, ebx
;;             004d  mov rsp, rbp
;;             0050  pop rbp
;;             0051  ret
;;           out-of-line stubs
;;             0052  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 120 bytes of aarch64
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
;;             0024  b.lo 0x74
;;   0x20    block $d                      []
;;   0x22      block $c                    []
;;   0x24        block $b                  []
;;   0x26          block $a                []
;;   0x28            local.get 0           [i32:local 0]
;;   0x2a            br_table $a $b $c $d  (unreachable)
;;             0028  ldr w0, [x29, #0x10]
;;             002c  cmp w0, #0x3
;;             0030  b.hs 0x64
;;             0034  adr x16, 0x40
;;             0038  add x16, x16, x0, lsl #2
;;             003c  br x16
;;             0040  b 0x4c
;;             0044  b 0x54
;;             0048  b 0x5c
;;   0x30          end                     []
;;   0x31          i32.const 10            [i32:const 10]
;;   0x33          return                  (unreachable)
;;             004c  mov w0, #0xa
;;             0050  b 0x68
;;   0x34        end                       []
;;   0x35        i32.const 11              [i32:const 11]
;;   0x37        return                    (unreachable)
;;             0054  mov w0, #0xb
;;             0058  b 0x68
;;   0x38      end                         []
;;   0x39      i32.const 12                [i32:const 12]
;;   0x3b      return                      (unreachable)
;;             005c  mov w0, #0xc
;;             0060  b 0x68
;;   0x3c    end                           []
;;   0x3d    i32.const 13                  [i32:const 13]
;;   0x3f    end                           (returned)
;;             0064  mov w0, #0xd
;;             0068  mov sp, x29
;;             006c  ldp x29, x30, [sp], #0x10
;;             0070  ret
;;           out-of-line stubs
;;             0074  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32 i32) (result i32): 96 bytes of aarch64
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
;;             0024  b.lo 0x5c
;;   0x42    block $x (result i32)         []
;;   0x44      block $y (result i32)       []
;;   0x46        local.get 1               [i32:local 1]
;;   0x48        local.get 0               [i32:local 1, i32:local 0]
;;   0x4a        br_table $x $y $x         (unreachable)
;;             0028  ldr w0, [x29, #0x18]
;;             002c  ldr w1, [x29, #0x10]
;;             0030  cmp w1, #0x2
;;             0034  b.hs 0x50
;;             0038  adr x16, 0x44
;;             003c  add x16, x16, x1, lsl #2
;;             0040  br x16
;;             0044  b 0x50
;;             0048  b 0x4c
;;   0x4f      end                         [i32:w0]
;;   0x50      i32.const 1                 [i32:w0, i32:const 1]
;;   0x52      i32.add                     [i32:w0]
;;             004c  add w0, w0, #0x1
;;   0x53    end                           [i32:w0]
;;   0x54    end                           (returned)
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
