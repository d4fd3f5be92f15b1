import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * The floor of a clinic batch: a minimal program that only parses every YAML file under DIR with
 * Jackson's YAML parser, in parallel on all cores, and counts the tokens.
 */
public final class ParseFloor {
  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    YAMLFactory f = YAMLFactory.builder().build();
    AtomicLong tokens = new AtomicLong();
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int chunk = (files.size() + threads - 1) / threads;
    List<Future<?>> done = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Path> mine = files.subList(Math.min(files.size(), t * chunk), Math.min(files.size(), (t + 1) * chunk));
      done.add(pool.submit(() -> {
        for (Path p : mine) {
          try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
              JsonParser jp = f.createParser(ObjectReadContext.empty(), r)) {
            long n = 0;
            for (JsonToken tok = jp.nextToken(); tok != null; tok = jp.nextToken()) n++;
            tokens.addAndGet(n);
          }
        }
        return null;
      }));
    }
    for (Future<?> d : done) d.get();
    pool.shutdown();
    System.out.println(files.size() + " files, " + tokens.get() + " tokens");
  }
}
