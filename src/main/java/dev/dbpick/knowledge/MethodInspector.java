package dev.dbpick.knowledge;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one method of a rule's or function's generated class, in order, and records what
 * {@link ConsequencePolicy} does not allow. A jump to a label already passed is a loop. An
 * insert must take the fact just constructed ({@code insert(new Score(...))}): the instruction
 * before it is that fact's constructor, with no jump landing in between. An array's size must be
 * the constant pushed just before it.
 */
final class MethodInspector extends MethodVisitor {

    private static final String README = " (rules/README.md, \"What a consequence may do\")";

    private final String method;
    private final ConsequenceCheck.Origin origin;
    private final Set<String> functionClasses;
    private final Set<String> problems;
    private final Set<String> functionCalls;
    private final Set<Label> passed = new HashSet<>();
    private final Set<Label> landings = new HashSet<>();
    private int line;
    /** The constant the previous instruction pushed, or null. */
    private Integer constant;
    /** The type whose constructor the previous instruction called, or null. */
    private String constructed;

    MethodInspector(String method, ConsequenceCheck.Origin origin, Set<String> functionClasses, Set<String> problems,
                    Set<String> functionCalls) {
        super(Opcodes.ASM9);
        this.method = method;
        this.origin = origin;
        this.functionClasses = functionClasses;
        this.problems = problems;
        this.functionCalls = functionCalls;
    }

    /**
     * Lines of a consequence (and of a function) map back to the DRL file; an {@code eval}'s
     * code is placed elsewhere in the generated class, so it is named by the rule's declaration.
     */
    private void refuse(String what) {
        boolean mapped = origin.rule() == null || method.endsWith("Consequence");
        problems.add(origin.location(mapped ? line : 0) + ": " + origin.what() + " " + what);
    }

    private void previous(Integer pushed, String init) {
        constant = pushed;
        constructed = init;
    }

    @Override
    public void visitLabel(Label label) {
        passed.add(label);
        if (landings.contains(label)) {
            previous(null, null);   // a jump lands here: what is on the stack is not known from the line above
        }
    }

    @Override
    public void visitLineNumber(int javaLine, Label start) {
        line = javaLine;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        landings.add(handler);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (opcode == Opcodes.JSR || passed.contains(label)) {
            refuse("loops (a while, for or do statement, or a jump back): a consequence runs once per match" + README);
        }
        landings.add(label);
        previous(null, null);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
        jumps(fallback, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
        jumps(fallback, labels);
    }

    private void jumps(Label fallback, Label[] labels) {
        visitJumpInsn(Opcodes.GOTO, fallback);
        for (Label label : labels) {
            visitJumpInsn(Opcodes.GOTO, label);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER) {
            refuse("locks an object (synchronized), which rules have no use for" + README);
        }
        previous(opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null, null);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        if (opcode == Opcodes.NEWARRAY) {
            array();
        }
        previous(opcode == Opcodes.NEWARRAY ? null : operand, null);
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Type type) {
            refuse("names a class (" + ConsequencePolicy.javaName(type.getClassName().replace('.', '/'))
                    + ".class): reflection is not for rules" + README);
        } else if (value instanceof Handle || value instanceof ConstantDynamic) {
            refuse("uses a method handle or a dynamic constant, which rules may not" + README);
        }
        previous(value instanceof Integer number ? number : null, null);
    }

    @Override
    public void visitVarInsn(int opcode, int variable) {
        if (opcode == Opcodes.RET) {
            refuse("jumps back (ret): a consequence runs once per match" + README);
        }
        previous(null, null);
    }

    @Override
    public void visitIincInsn(int variable, int increment) {
        previous(null, null);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.ANEWARRAY) {
            array();
        } else if (opcode == Opcodes.NEW && !ConsequencePolicy.mayAllocate(type)) {
            refuse("constructs " + ConsequencePolicy.javaName(type) + "; rules construct only the facts they insert (Score,"
                    + " Exclusion, Caution, Activity, PairingScore) and StringBuilder" + README);
        }
        previous(null, null);
    }

    private void array() {
        if (constant == null || constant < 0 || constant > ConsequencePolicy.MAX_ARRAY) {
            refuse("allocates an array whose size is not a constant of at most " + ConsequencePolicy.MAX_ARRAY + README);
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        refuse("allocates a multi-dimensional array" + README);
        previous(null, null);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
            refuse("writes the field " + ConsequencePolicy.javaName(owner) + "." + name + "; rules never change state" + README);
        } else if (!ConsequencePolicy.mayReadFieldOf(owner)) {
            refuse("reads " + ConsequencePolicy.javaName(owner) + "." + name + ", which is outside what rules may use" + README);
        }
        previous(null, null);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        if (!bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
            refuse("makes a lambda or method reference, which rules may not" + README);
        }
        previous(null, null);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        String call = owner + "." + name + descriptor;
        if (ConsequencePolicy.SINKS.contains(call)) {
            if (constructed == null) {
                refuse("inserts something other than a fact it has just constructed; write insert(new Score(...)),"
                        + " or Exclusion, Caution, Activity, PairingScore" + README);
            }
        } else if (name.equals("<init>")) {
            boolean superCall = owner.equals("java/lang/Object") && method.equals("<init>");
            if (!superCall && !ConsequencePolicy.mayConstruct(owner, descriptor)) {
                refuse("constructs " + ConsequencePolicy.javaName(owner) + " in a way rules may not" + README);
            }
        } else if (opcode == Opcodes.INVOKESTATIC && functionClasses.contains(owner)) {
            functionCalls.add(owner);
        } else if (!ConsequencePolicy.mayCall(owner, name, opcode == Opcodes.INVOKESTATIC)) {
            refuse("calls " + ConsequencePolicy.javaName(owner) + "." + name + ", which is outside what rules may use" + README);
        }
        previous(null, name.equals("<init>") && ConsequencePolicy.DERIVED_FACTS.contains(owner) ? owner : null);
    }
}
