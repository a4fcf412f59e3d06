package org.ip4bot.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ip4bot.config.BotConfig;
import org.ip4bot.eval.EvalQuestion;
import org.ip4bot.eval.EvalQuestions;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.server.Engine;

/**
 * The child process the benchmark starts to measure a fresh serving process: start to first answer over a cached
 * index, then memory after warm questions. Not for users: {@code bench} starts it as
 * {@code java -cp <classpath> org.ip4bot.bench.ServingProbe CORPUS DATA QUESTIONS WARM_QUESTIONS} and reads the
 * lines it prints that start with {@code probe }.
 */
public final class ServingProbe {

    private ServingProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ServingProbe CORPUS DATA QUESTIONS.jsonl WARM_QUESTIONS");
            System.exit(2);
        }
        BotConfig config = BotConfig.fromEnvironment(System.getenv()).withCorpusDir(Path.of(args[0]))
                .withDataDir(Path.of(args[1]));
        List<EvalQuestion> questions = EvalQuestions.read(Path.of(args[2])).stream().filter(EvalQuestion::inScope)
                .toList();
        int warm = Integer.parseInt(args[3]);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainMs = System.currentTimeMillis() - jvmStart;
        try (Engine engine = new Engine(config)) {
            long engineMs = System.currentTimeMillis() - jvmStart;
            IndexReport report = engine.refresh(IndexProgress.SILENT);
            long refreshMs = System.currentTimeMillis() - jvmStart;
            engine.answers().ask(questions.get(0).question(), SearchFilter.NONE);
            long readyMs = System.currentTimeMillis() - jvmStart;
            // Phases as milliseconds since JVM start: main entered, model loaded, index open, first answer.
            System.out.printf(Locale.ROOT, "probe ready ms=%d mainMs=%d engineMs=%d refreshMs=%d upToDate=%s "
                    + "chunks=%d%n", readyMs, mainMs, engineMs, refreshMs, report.upToDate(), report.chunks());
            System.out.flush();
            for (int i = 0; i < warm; i++) {
                engine.answers().ask(questions.get(i % questions.size()).question(), SearchFilter.NONE);
            }
            double heap = MachineInfo.heapAfterGcMib();
            System.out.printf(Locale.ROOT, "probe memory heapMib=%.1f rssMib=%.1f rssAnonMib=%.1f rssFileMib=%.1f%n",
                    heap, MachineInfo.statusMib("VmRSS").orElse(-1.0), MachineInfo.statusMib("RssAnon").orElse(-1.0),
                    MachineInfo.statusMib("RssFile").orElse(-1.0));
            System.out.flush();
        }
    }
}
