package com.tixly.seats.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for request bodies (objects, arrays, strings, integers, booleans, null). */
public final class Json {
  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  public static Object parse(String text) {
    return new Json(text).value();
  }

  private Object value() {
    skip();
    char c = text.charAt(at);
    if (c == '{') {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      skip();
      if (text.charAt(at) == '}') { at++; return map; }
      do {
        skip();
        String key = (String) value();
        skip();
        at++; // ':'
        map.put(key, value());
        skip();
      } while (text.charAt(at++) == ',');
      return map;
    }
    if (c == '[') {
      List<Object> list = new ArrayList<>();
      at++;
      skip();
      if (text.charAt(at) == ']') { at++; return list; }
      do {
        list.add(value());
        skip();
      } while (text.charAt(at++) == ',');
      return list;
    }
    if (c == '"') {
      StringBuilder out = new StringBuilder();
      for (at++; text.charAt(at) != '"'; at++) {
        char ch = text.charAt(at);
        if (ch == '\\') {
          char next = text.charAt(++at);
          if (next == 'n') out.append('\n');
          else if (next == 'u') { out.append((char) Integer.parseInt(text.substring(at + 1, at + 5), 16)); at += 4; }
          else out.append(next);
        } else out.append(ch);
      }
      at++;
      return out.toString();
    }
    if (text.startsWith("true", at)) { at += 4; return true; }
    if (text.startsWith("false", at)) { at += 5; return false; }
    if (text.startsWith("null", at)) { at += 4; return null; }
    int start = at;
    while (at < text.length() && "-0123456789".indexOf(text.charAt(at)) >= 0) at++;
    return Integer.valueOf(text.substring(start, at));
  }

  private void skip() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
  }
}
